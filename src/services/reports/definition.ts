/**
 * A report a feature offers (Feature.reports): `/pbb report <kind> …` delivers its files in
 * Slack and `pbb report <kind> …` writes one of them, from the same `build`, so both carry the
 * same content.
 */
import type { Database } from "../../db/client.ts";
import type { OrgRecord } from "../../db/repositories/org.ts";
import type { ReportPeriod } from "../../domain/report-period.ts";
import type { Translator } from "../../i18n/index.ts";
import type { ReportFile } from "./slack.ts";

export type ReportFormat = "csv" | "xlsx";

export interface BuiltReport {
  files: Record<ReportFormat, ReportFile>;
  /** Nothing to report in the period (the CLI says so and exits 2). */
  empty: boolean;
  /** The line the files come with in Slack. */
  comment: string;
}

export interface ReportDefinition {
  /** "tasklists", "lectures" …: the word after `pbb report` and `/pbb report`. */
  kind: string;
  /** The report for a period as of a time, in the org's language. */
  build(
    db: Database,
    org: OrgRecord,
    period: ReportPeriod,
    asOf: Date,
    t: Translator,
  ): Promise<BuiltReport>;
}
