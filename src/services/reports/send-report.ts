/**
 * `/pbb report …`: a report for a period, as .xlsx and .csv in the asker's DM with the bot,
 * through the outbox (an "upload" delivery to the person: their DM is opened when it is sent).
 */
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import { committeeRolesOf } from "../../db/repositories/report-access.ts";
import type { ReportPeriod } from "../../domain/report-period.ts";
import { translator } from "../../i18n/index.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { uploadPayload } from "../outbox/upload.ts";
import type { ReportDefinition } from "./definition.ts";

export interface SendReportDeps {
  db: Database;
  now: () => Date;
}

export type SendReportOutcome =
  | { ok: true; dedupeKey: string; names: string[] }
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
  // Each request is its own delivery: asking again sends the report again, as of then.
  const dedupeKey = `reports:dm:${userId}:${definition.kind}:${period.key}:${asOf.toISOString()}`;
  await deps.db.prisma.$transaction((tx) =>
    enqueueDelivery(tx, {
      dedupeKey,
      method: "upload",
      payload: uploadPayload({ user: userId }, built.comment, files),
    }),
  );
  return { ok: true, dedupeKey, names: files.map((f) => f.filename) };
}
