/** `/pbb report …`: the report for a period, as .xlsx and .csv in the asker's DM with the bot. */
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import { committeeRolesOf } from "../../db/repositories/report-access.ts";
import type { ReportPeriod } from "../../domain/report-period.ts";
import { translator } from "../../i18n/index.ts";
import { dmChannelOf } from "../../slack/dm-channel.ts";
import { buildReportDmComment } from "../../slack/views/reports/summary.ts";
import { formatAsOf } from "./format.ts";
import { loadReport } from "./load-report.ts";
import { tableFiles } from "./report-files.ts";
import { type ReportSlack, uploadFiles } from "./slack.ts";

export interface SendReportDeps {
  db: Database;
  slack: ReportSlack;
  now: () => Date;
}

export type SendReportOutcome =
  | { ok: true; channel: string; files: string[]; names: string[] }
  | { ok: false; reason: "no-org" | "not-committee" };

/** Only committee members and admins; the rights are read from the database. */
export async function sendReport(
  deps: SendReportDeps,
  userId: string,
  period: ReportPeriod,
): Promise<SendReportOutcome> {
  const org = await loadOrgRecord(deps.db);
  if (!org) return { ok: false, reason: "no-org" };
  const roles = await committeeRolesOf(deps.db, userId);
  if (!roles.member && !roles.admin) return { ok: false, reason: "not-committee" };
  const t = translator(org.locale);
  const asOf = deps.now();
  const report = await loadReport(deps.db, org, period, asOf);
  const files = await tableFiles(report, org, t);
  const channel = await dmChannelOf(deps.slack, userId);
  const comment = buildReportDmComment(report, formatAsOf(asOf, org.timezone), t);
  const ids = await uploadFiles(deps.slack, channel, comment, files);
  return { ok: true, channel, files: ids, names: files.map((f) => f.filename) };
}
