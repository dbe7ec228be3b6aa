/** A service-list ledger (the services or the projects report) of 2026 as CSV rows, in English. */
import { parse as parseCsv } from "csv-parse/sync";
import { loadOrgRecord } from "../../src/db/repositories/org.ts";
import { parseReportPeriod } from "../../src/domain/report-period.ts";
import { translator } from "../../src/i18n/index.ts";
import type { servicesReport } from "../../src/services/service-list/report.ts";
import type { TestBot } from "./bot.ts";

export async function ledgerRows(t: TestBot, report: typeof servicesReport): Promise<string[][]> {
  const org = await loadOrgRecord(t.db);
  const period = parseReportPeriod("year", "2026");
  if (!org || !period) throw new Error("no org");
  const built = await report.build(t.db, org, period, t.clock.now(), translator("en"));
  return parseCsv(built.files.csv.bytes.toString("utf8"), { bom: true }) as string[][];
}
