/**
 * One person's App Home, loaded from the database as it is now: the org's settings and the
 * person's roles first, then what those roles show, in a fixed number of queries (no query per
 * branch). Its presenter (src/slack/views/home/present.ts) turns it into Block Kit.
 */
import type { Database } from "../../db/client.ts";
import type { Reader as PlansReader } from "../../db/repositories/annual-plan.ts";
import {
  type HomeReader,
  loadCommitteeRows,
  loadHomeOrg,
  loadLectureRows,
  loadOwnBranchLists,
  loadViewer,
} from "../../db/repositories/home.ts";
import type { Reader as StudyReader } from "../../db/repositories/study.ts";
import { addDays } from "../../domain/calendar.ts";
import { heldSessions, sessionsBetween } from "../../domain/lecture-schedule.ts";
import { monthSchedule } from "../../domain/month-schedule.ts";
import { addMonths, localDateOf, periodOf } from "../../domain/period.ts";
import { localeOr } from "../../i18n/index.ts";
import type { HomePages, LoadedHome } from "../../ports/home.ts";
import { loadPlansHome } from "../annual-plans/home.ts";
import { loadAssessmentHome } from "../assessment/home.ts";
import { loadInspectionsHome } from "../inspections/home.ts";
import { inspectionSettingsOf } from "../inspections/open-round.ts";
import type { Tx } from "../kit/tx.ts";
import { lectureScheduleOf } from "../lecture/config.ts";
import { loadDutyHome } from "../responsibilities/home.ts";
import { loadServiceHome, type ServiceHomeReader } from "../service-list/home.ts";
import { loadStudyHome } from "../study/home.ts";
import { scheduleOf } from "../tasklist/org.ts";

const PAST_MONTHS = 5;
const LECTURE_WEEKS_AHEAD = 8;

export interface HomeDeps {
  db: Database;
  now: () => Date;
}

export interface HomeRequest {
  userId: string;
  pages?: Partial<HomePages>;
  /** A line shown at the top (e.g. why a click was refused). */
  notice?: string;
  /** Reads through this client instead of the bot's (tests count its queries). */
  reader?: HomeReader;
}

const monthsBack = (period: string, n: number) =>
  Array.from({ length: n }, (_, i) => addMonths(period, -(i + 1)));

export async function loadHome(deps: HomeDeps, req: HomeRequest): Promise<LoadedHome> {
  const db = req.reader ?? deps.db.prisma;
  const now = deps.now();
  const [org, viewer] = await Promise.all([loadHomeOrg(db), loadViewer(db, req.userId)]);
  const locale = localeOr(org?.locale);
  if (!org) return { locale, input: null };
  const tz = org.timezone;
  const period = periodOf(now, tz);
  const { schedule, calendar } = scheduleOf(org.settings, tz);
  const deadlines = new Map<string, Date>();
  const deadlineOf = (p: string): Date => {
    const at = deadlines.get(p) ?? monthSchedule(schedule, calendar, p).deadline.at;
    deadlines.set(p, at);
    return at;
  };
  const year = period.slice(0, 4);
  const yearMonths = Array.from(
    { length: Number(period.slice(5)) },
    (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`,
  );
  const pastMonths = viewer.secretaryOf.length > 0 ? monthsBack(period, PAST_MONTHS) : [];
  const today = localDateOf(now, tz);
  const hall = lectureScheduleOf(org.settings, tz);
  const planned = hall
    ? heldSessions(sessionsBetween(hall.schedule, today, addDays(today, LECTURE_WEEKS_AHEAD * 7)))
        .filter((s) => s.startsAt > now)
        .map((s) => ({ date: s.date, startsAt: s.startsAt }))
    : [];
  const committee = viewer.committeeMember || viewer.committeeAdmin;
  const inBranch = viewer.secretaryOf.length + viewer.memberOf.length > 0;
  const hasServiceList = (org.settings as { serviceList?: unknown } | null)?.serviceList != null;
  const [committeeRows, own, lectureRows, study, service, assessment, plans, duties, inspections] =
    await Promise.all([
      committee
        ? loadCommitteeRows(db, { period, yearMonths, yearFirst: `${year}-01-01`, today, now })
        : null,
      inBranch ? loadOwnBranchLists(db, req.userId, [period, ...pastMonths]) : [],
      hall
        ? loadLectureRows(
            db,
            req.userId,
            planned.map((s) => s.date),
            now,
          )
        : null,
      loadStudyHome(
        db as unknown as StudyReader,
        {
          userId: req.userId,
          committee,
          admin: viewer.committeeAdmin,
          secretaryOf: viewer.secretaryOf,
        },
        now,
        tz,
      ),
      hasServiceList
        ? loadServiceHome(
            db as unknown as ServiceHomeReader,
            { userId: req.userId, committee, ...viewer },
            today,
          )
        : undefined,
      loadAssessmentHome(
        db as unknown as Tx,
        { userId: req.userId, committee, secretaryOf: viewer.secretaryOf },
        now,
        tz,
      ),
      loadPlansHome(db as unknown as PlansReader, { committee, ...viewer }, now, tz),
      loadDutyHome(
        db as unknown as Tx,
        { userId: req.userId, committee, admin: viewer.committeeAdmin },
        now,
        tz,
      ),
      inspectionSettingsOf(org.settings) === null
        ? null
        : loadInspectionsHome(
            db as unknown as Parameters<typeof loadInspectionsHome>[0],
            { ...viewer, userId: req.userId, committee },
            today,
          ),
    ]);
  const input = {
    userId: req.userId,
    now,
    tz,
    period,
    yearMonths,
    pastMonths,
    deadlineOf,
    viewer,
    committee: committeeRows,
    own,
    lecture: lectureRows ? { planned, rows: lectureRows } : null,
    pages: { waiting: req.pages?.waiting ?? 0 },
    study,
    plans,
    ...(service ? { service } : {}),
    assessment,
    ...(duties ? { duties } : {}),
    inspections,
    ...(req.notice ? { notice: req.notice } : {}),
  };
  return { locale, input };
}
