/** `/pbb report …`: a report for a period, as .xlsx and .csv in the asker's DM with the bot. */
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import { committeeRolesOf } from "../../db/repositories/report-access.ts";
import type { ReportPeriod } from "../../domain/report-period.ts";
import { translator } from "../../i18n/index.ts";
import { dmChannelOf } from "../../slack/dm-channel.ts";
import type { ReportDefinition } from "./definition.ts";
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
  definition: ReportDefinition,
): Promise<SendReportOutcome> {
  const org = await loadOrgRecord(deps.db);
  if (!org) return { ok: false, reason: "no-org" };
  const roles = await committeeRolesOf(deps.db, userId);
  if (!roles.member && !roles.admin) return { ok: false, reason: "not-committee" };
  const t = translator(org.locale);
  const asOf = deps.now();
  const built = await definition.build(deps.db, org, period, asOf, t);
  const files = [built.files.xlsx, built.files.csv];
  const channel = await dmChannelOf(deps.slack, userId);
  const ids = await uploadFiles(deps.slack, channel, built.comment, files);
  return { ok: true, channel, files: ids, names: files.map((f) => f.filename) };
}
