/**
 * The quarter-end summary to the committee channel: the totals and one line per branch, with the
 * chart attached. Uploaded with the bot's client where this process has one; otherwise the text
 * goes through the outbox (stable dedupe key) and the log says the chart was left out.
 */
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import { parseReportPeriod } from "../../domain/report-period.ts";
import { translator } from "../../i18n/index.ts";
import type { Logger } from "../../observability/logger.ts";
import { buildQuarterSummaryText } from "../../slack/views/reports/summary.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { loadReport } from "./load-report.ts";
import { chartFile } from "./report-files.ts";
import { type ReportSlack, uploadFiles } from "./slack.ts";

export interface QuarterSummaryResult {
  quarter: string;
  channel: string;
  branches: number;
  /** "uploaded": text and chart in one message; "outbox": text only, sent by the outbox. */
  posted: "uploaded" | "outbox";
  files: string[];
}

export async function postQuarterSummary(
  env: { db: Database; logger: Logger; slack?: ReportSlack | undefined },
  quarterKey: string,
  at: Date,
): Promise<QuarterSummaryResult> {
  const org = await loadOrgRecord(env.db);
  const quarter = parseReportPeriod("quarter", quarterKey);
  if (!org || !quarter)
    throw new Error(`cannot summarise ${quarterKey}: no org or no such quarter`);
  const t = translator(org.locale);
  const report = await loadReport(env.db, org, quarter, at);
  const text = buildQuarterSummaryText(report, t);
  const base = {
    quarter: quarter.key,
    channel: org.committeeChannel,
    branches: report.branches.length,
  };
  const { slack } = env;
  if (slack) {
    const chart = await chartFile(report, t, env.logger);
    const files = await uploadFiles(slack, org.committeeChannel, text, [chart]);
    return { ...base, posted: "uploaded", files };
  }
  env.logger.warn(
    { quarter: quarter.key },
    "no Slack client in this process: the quarterly summary goes through the outbox without its chart",
  );
  await env.db.prisma.$transaction((tx) =>
    enqueueDelivery(tx, {
      dedupeKey: `reports:quarter-summary:${quarter.key}`,
      method: "chat.postMessage",
      payload: { channel: org.committeeChannel, text },
    }),
  );
  return { ...base, posted: "outbox", files: [] };
}
