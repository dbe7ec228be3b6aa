/**
 * The quarter-end summary to the committee channel: the totals and one line per branch, with the
 * chart attached, as one "upload" delivery through the outbox (stable dedupe key), so the chart
 * goes out whichever process runs the job: the bot, or `pbb jobs run` beside it. The text is the
 * presenter's (ports/reports.ts), given by the job.
 */
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import { parseReportPeriod } from "../../domain/report-period.ts";
import { translator } from "../../i18n/index.ts";
import type { Logger } from "../../observability/logger.ts";
import type { ReportsPresenting } from "../../ports/reports.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { uploadPayload } from "../outbox/upload.ts";
import { loadReport } from "./load-report.ts";
import { chartFile } from "./report-files.ts";

export interface QuarterSummaryResult {
  quarter: string;
  channel: string;
  branches: number;
  /** The outbox delivery carrying the text and the chart. */
  dedupeKey: string;
  /** False when this quarter's summary was already enqueued. */
  enqueued: boolean;
}

export async function postQuarterSummary(
  env: { db: Database; logger: Logger } & ReportsPresenting,
  quarterKey: string,
  at: Date,
): Promise<QuarterSummaryResult> {
  const org = await loadOrgRecord(env.db);
  const quarter = parseReportPeriod("quarter", quarterKey);
  if (!org || !quarter)
    throw new Error(`cannot summarise ${quarterKey}: no org or no such quarter`);
  const t = translator(org.locale);
  const report = await loadReport(env.db, org, quarter, at);
  const text = env.presenters.reports.quarterSummary(report, t);
  const chart = await chartFile(report, t, env.logger);
  const dedupeKey = `reports:quarter-summary:${quarter.key}`;
  const enqueued = await env.db.prisma.$transaction((tx) =>
    enqueueDelivery(tx, {
      dedupeKey,
      method: "upload",
      payload: uploadPayload({ channel: org.committeeChannel }, text, [chart]),
    }),
  );
  return {
    quarter: quarter.key,
    channel: org.committeeChannel,
    branches: report.branches.length,
    dedupeKey,
    enqueued,
  };
}
