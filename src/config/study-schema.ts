/**
 * The org file's `study:` section (normalized study, issue 23): the centre group (its members,
 * its chair, its monthly day and time, where its notice goes) and the study settings shared by
 * every kind of session. Everything but `centreGroup.members`, `day` and `time` has a default.
 */
import { z } from "zod";
import {
  channelRef,
  dayOfMonth,
  nonEmptyText,
  timeOfDay,
  userList,
  userRef,
  wholeNumber,
} from "./org-fields.ts";

export interface StudyCentreGroup {
  members: string[];
  /** Who presses "Draw a speaker" (default: the first member). */
  chair: string;
  day: number;
  time: string;
  /** Where the session's notice and its draws are posted (default: the committee channel). */
  channel?: string;
  topic?: string;
}

export interface Study {
  centreGroup?: StudyCentreGroup;
  /** The expected people get the notice this many days ahead, at the session's time of day. */
  noticeDaysBefore: number;
  /** A session counts this long toward study hours. */
  sessionMinutes: number;
  /** Those not present make up within this many days after the session. */
  makeUpDays: number;
  /** Their one reminder comes this many days before that deadline. */
  makeUpReminderDaysBefore: number;
}

export const STUDY_DEFAULTS = {
  noticeDaysBefore: 2,
  sessionMinutes: 90,
  makeUpDays: 14,
  makeUpReminderDaysBefore: 3,
} as const;

const centreGroup = z
  .strictObject({
    members: userList(1),
    chair: userRef.optional(),
    day: dayOfMonth,
    time: timeOfDay,
    channel: channelRef.optional(),
    topic: nonEmptyText("the centre group's standing topic").optional(),
  })
  .superRefine((g, ctx) => {
    if (g.chair !== undefined && Array.isArray(g.members) && !g.members.includes(g.chair)) {
      ctx.addIssue({
        code: "custom",
        path: ["chair"],
        input: g.chair,
        message: `the chair ${g.chair} is not one of the centre group's members`,
      });
    }
  })
  .transform(
    ({ chair, channel, topic, ...g }): StudyCentreGroup => ({
      ...g,
      chair: chair ?? (g.members[0] as string),
      ...(channel === undefined ? {} : { channel }),
      ...(topic === undefined ? {} : { topic }),
    }),
  );

export const studySchema = z
  .strictObject({
    centreGroup: centreGroup.optional(),
    noticeDaysBefore: wholeNumber(0, 14, "a whole number of days from 0 to 14").default(
      STUDY_DEFAULTS.noticeDaysBefore,
    ),
    sessionMinutes: wholeNumber(15, 480, "a whole number of minutes from 15 to 480").default(
      STUDY_DEFAULTS.sessionMinutes,
    ),
    makeUpDays: wholeNumber(1, 60, "a whole number of days from 1 to 60").default(
      STUDY_DEFAULTS.makeUpDays,
    ),
    makeUpReminderDaysBefore: wholeNumber(0, 30, "a whole number of days from 0 to 30").default(
      STUDY_DEFAULTS.makeUpReminderDaysBefore,
    ),
  })
  .superRefine((s, ctx) => {
    const whole = Number.isInteger(s.makeUpDays) && Number.isInteger(s.makeUpReminderDaysBefore);
    if (whole && s.makeUpReminderDaysBefore >= s.makeUpDays) {
      ctx.addIssue({
        code: "custom",
        path: ["makeUpReminderDaysBefore"],
        input: s.makeUpReminderDaysBefore,
        message: `the reminder (${s.makeUpReminderDaysBefore} days before the deadline) must come after the session: use fewer days than makeUpDays (${s.makeUpDays})`,
      });
    }
  })
  .transform(
    ({ centreGroup, ...s }): Study => ({
      ...s,
      ...(centreGroup === undefined ? {} : { centreGroup }),
    }),
  );
