/**
 * `inspection-round`: on the first working day of each month that has a round (mutual
 * inspection, supervision, or both), at the configured time, the month's rounds open. Keyed by
 * the month ("2027-06"): cron, catch-up and `pbb jobs run --at` run it once.
 * `inspection-close`: the day after a round's window, at the same time, the month's rounds close
 * and the committee gets the comparison; keyed by the round's month as well.
 */
import type { CalendarSettings } from "../../domain/calendar.ts";
import {
  type InspectionSettings,
  roundCloseAt,
  roundFireAt,
  roundPeriodsFrom,
} from "../../domain/inspection-round.ts";
import { type Period, periodOf } from "../../domain/period.ts";
import type { Locale } from "../../i18n/index.ts";
import { translator } from "../../i18n/index.ts";
import { closeRounds } from "../../services/inspections/close-round.ts";
import { inspectionSettingsOf, openRounds } from "../../services/inspections/open-round.ts";
import { calendarOf } from "../../services/org/calendar-settings.ts";
import { currentOrgRecord } from "../../services/org/current.ts";
import { inspectionsPresenter } from "../../slack/views/inspections/present.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

type FireOf = (
  calendar: CalendarSettings,
  period: Period,
  time: string,
  windowDays: InspectionSettings["windowDays"],
) => Date;

/** A job fired once per round month, at `fireOf` of that month's rounds. */
function perRoundMonth(fireOf: FireOf) {
  function near(org: JobOrg, from: Date, count: number): Occurrence[] {
    const settings = inspectionSettingsOf(org.settings);
    if (!settings) return [];
    const calendar = calendarOf(org.settings, org.timezone);
    return roundPeriodsFrom(settings, periodOf(from, org.timezone), count).map((period) => ({
      key: period,
      fireAt: fireOf(calendar, period, settings.time, settings.windowDays),
    }));
  }
  const back = (at: Date) => new Date(at.getTime() - 366 * 24 * 3600_000);
  return {
    occurrenceFor(org: JobOrg, at: Date): Occurrence | null {
      const due = near(org, back(at), 12).filter((o) => o.fireAt <= at);
      return due.at(-1) ?? null;
    },
    occurrencesBetween(org: JobOrg, from: Date, to: Date): Occurrence[] {
      // A close fires up to two months after its round's month opened: start looking earlier.
      return near(org, new Date(from.getTime() - 62 * 24 * 3600_000), 26).filter(
        (o) => o.fireAt > from && o.fireAt <= to,
      );
    },
  };
}

export const inspectionRoundJob = defineJob({
  name: "inspection-round",
  ...perRoundMonth(roundFireAt),
  async run(ctx, occurrence) {
    const record = await currentOrgRecord(ctx.db);
    if (!record) return { rounds: [] };
    const presenter = inspectionsPresenter(translator(ctx.org.locale as Locale));
    const rounds = await openRounds(
      ctx.db,
      {
        timezone: record.timezone,
        settings: record.settings,
        committeeChannel: record.committeeChannel,
      },
      occurrence.key,
      presenter,
    );
    return { rounds };
  },
});

export const inspectionCloseJob = defineJob({
  name: "inspection-close",
  ...perRoundMonth(roundCloseAt),
  run(ctx, occurrence, at) {
    const deps = { db: ctx.db, now: () => at, homes: ctx.homes };
    return closeRounds(deps, inspectionsPresenter, occurrence.key);
  },
});
