/**
 * `pbb report <kind> [--year Y] [--quarter Q] [--month M] --format csv|xlsx --out FILE`: one of
 * the features' reports as a file, built as `/pbb report <kind> …` builds the files it delivers
 * in Slack. The period: --month M (of --year, default this year), --quarter Q (likewise), --year
 * Y alone, or nothing: this month. An unknown kind, a bad option or a period with nothing to
 * report is a clear message and exit 2.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import { periodOf } from "../../domain/period.ts";
import { parseReportPeriod, type ReportPeriod } from "../../domain/report-period.ts";
import { translator } from "../../i18n/index.ts";
import type { ReportDefinition, ReportFormat } from "../../services/reports/definition.ts";
import type { CommandContext } from "../command-context.ts";

export interface ReportOptions {
  year?: string;
  quarter?: string;
  month?: string;
  format: string;
  out: string;
}

const FORMATS: readonly ReportFormat[] = ["csv", "xlsx"];

/** What is wrong with the command before any store is opened, or null. */
export function reportProblem(
  reports: readonly ReportDefinition[],
  kind: string,
  options: ReportOptions,
): string | null {
  if (!reports.some((r) => r.kind === kind)) {
    return `unknown report "${kind}"; reports: ${reports.map((r) => r.kind).join(", ") || "none"}`;
  }
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    return `--format ${options.format}: use csv or xlsx`;
  }
  if (options.year !== undefined && !/^2\d{3}$/.test(options.year)) {
    return `--year ${options.year}: write the year like 2026`;
  }
  if (options.quarter !== undefined && options.month !== undefined) {
    return "give --quarter or --month, not both";
  }
  if (options.quarter !== undefined && !/^[Qq]?[1-4]$/.test(options.quarter)) {
    return `--quarter ${options.quarter}: use 1, 2, 3 or 4`;
  }
  if (options.month !== undefined && !/^(0?[1-9]|1[0-2])$/.test(options.month)) {
    return `--month ${options.month}: use 1 to 12`;
  }
  return null;
}

/** The period the options name, `now` read in the org's zone for what they leave out. */
export function periodOfOptions(options: ReportOptions, now: Date, tz: string): ReportPeriod {
  const current = periodOf(now, tz);
  const year = options.year ?? current.slice(0, 4);
  const pad = (n: string) => n.padStart(2, "0");
  const period =
    options.month !== undefined
      ? parseReportPeriod("month", `${year}-${pad(options.month)}`)
      : options.quarter !== undefined
        ? parseReportPeriod("quarter", `${year}-Q${options.quarter.replace(/^[Qq]/, "")}`)
        : options.year !== undefined
          ? parseReportPeriod("year", year)
          : parseReportPeriod("month", current);
  if (!period) throw new Error(`no report period for ${JSON.stringify(options)}`);
  return period;
}

export async function reportToFile(
  ctx: CommandContext,
  reports: readonly ReportDefinition[],
  kind: string,
  options: ReportOptions,
): Promise<number> {
  const definition = reports.find((r) => r.kind === kind);
  const problem = reportProblem(reports, kind, options);
  if (!definition || problem) {
    ctx.io.err(problem ?? `unknown report "${kind}"`);
    return 2;
  }
  const org = await loadOrgRecord(ctx.db);
  if (!org) {
    ctx.io.err("no organisation configured yet: run `pbb org apply <file>` first");
    return 1;
  }
  const asOf = ctx.now();
  const period = periodOfOptions(options, asOf, org.timezone);
  const built = await definition.build(ctx.db, org, period, asOf, translator(org.locale));
  if (built.empty) {
    ctx.io.err(`${kind} ${period.key}: nothing to report in this period; no file written`);
    return 2;
  }
  const file = path.resolve(ctx.cwd, options.out);
  await writeFile(file, built.files[options.format as ReportFormat].bytes);
  ctx.io.out(`${kind} ${period.key}: wrote ${file}`);
  return 0;
}
