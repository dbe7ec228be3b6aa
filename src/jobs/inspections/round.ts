/**
 * `inspection-round`: on the first working day of each month that has a round (mutual
 * inspection, supervision, or both), at the configured time, the month's rounds open. Keyed by
 * the month ("2027-06"): cron, catch-up and `pbb jobs run --at` run it once.
 */
import { roundFireAt, roundPeriodsFrom } from "../../domain/inspection-round.ts";
import { periodOf } from "../../domain/period.ts";
import type { Locale } from "../../i18n/index.ts";
import { translator } from "../../i18n/index.ts";
import { inspectionSettingsOf, openRounds } from "../../services/inspections/open-round.ts";
import { calendarOf } from "../../services/org/calendar-settings.ts";
import { currentOrgRecord } from "../../services/org/current.ts";
import { inspectionsPresenter } from "../../slack/views/inspections/present.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

function occurrencesNear(org: JobOrg, from: Date, count: number): Occurrence[] {
  const settings = inspectionSettingsOf(org.settings);
  if (!settings) return [];
  const calendar = calendarOf(org.settings, org.timezone);
  return roundPeriodsFrom(settings, periodOf(from, org.timezone), count).map((period) => ({
    key: period,
    fireAt: roundFireAt(calendar, period, settings.time, settings.windowDays),
  }));
}

const back = (at: Date) => new Date(at.getTime() - 366 * 24 * 3600_000);

export const inspectionRoundJob = defineJob({
  name: "inspection-round",
  occurrenceFor(org, at) {
    const due = occurrencesNear(org, back(at), 12).filter((o) => o.fireAt <= at);
    return due.at(-1) ?? null;
  },
  occurrencesBetween(org, from, to) {
    return occurrencesNear(org, from, 24).filter((o) => o.fireAt > from && o.fireAt <= to);
  },
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
