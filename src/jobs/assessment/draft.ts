/**
 * `assessment-draft`: on the org file's draft date (assessment.draft, e.g. December 20 at 09:00
 * in the org's zone) the year's cards are drafted from the record, the ranking is posted to the
 * committee channel and each secretary gets their branch's card. Keyed by the year ("2026"):
 * cron, catch-up and `pbb jobs run --at` draft a year once.
 */
import type { Assessment } from "../../config/assessment-schema.ts";
import { zonedTime } from "../../domain/period.ts";
import { type Locale, translator } from "../../i18n/index.ts";
import { assessmentOf, draftYear } from "../../services/assessment/draft.ts";
import { yearMessages } from "../../services/assessment/messages.ts";
import type { AssessmentSource } from "../../services/assessment/source.ts";
import { currentOrgRecord } from "../../services/org/current.ts";
import { assessmentPresenter } from "../../slack/views/assessment/present.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

const pad = (n: number) => String(n).padStart(2, "0");

export function draftFireAt(rules: Assessment, year: number, timezone: string): Date {
  const { month, day, time } = rules.draft;
  return zonedTime(`${year}-${pad(month)}-${pad(day)}`, time, timezone);
}

function occurrence(org: JobOrg, year: number): Occurrence | null {
  const rules = assessmentOf(org.settings);
  if (!rules) return null;
  return { key: String(year), fireAt: draftFireAt(rules, year, org.timezone) };
}

const yearOf = (at: Date) => at.getUTCFullYear();

/** The job, drafting with the sources the features contribute (read when it runs). */
export function assessmentDraftJob(sources: () => readonly AssessmentSource[]) {
  return defineJob({
    name: "assessment-draft",
    occurrenceFor(org, at) {
      for (const year of [yearOf(at) + 1, yearOf(at), yearOf(at) - 1]) {
        const o = occurrence(org, year);
        if (o && o.fireAt <= at) return o;
      }
      return null;
    },
    occurrencesBetween(org, from, to) {
      const out: Occurrence[] = [];
      for (let year = yearOf(from) - 1; year <= yearOf(to) + 1; year++) {
        const o = occurrence(org, year);
        if (o && o.fireAt > from && o.fireAt <= to) out.push(o);
      }
      return out;
    },
    async run(ctx, o) {
      const record = await currentOrgRecord(ctx.db);
      if (!record) return { status: "not-configured" };
      const presenter = assessmentPresenter(translator(record.locale as Locale), record.timezone);
      const result = await draftYear({
        db: ctx.db,
        org: record,
        sources: sources(),
        year: Number(o.key),
        asOf: o.fireAt,
        render: (view) => yearMessages(view, presenter, record.committeeChannel),
      });
      return result;
    },
  });
}
