/**
 * `pbb assessment import FILE.csv [--year Y]`: the effectiveness (business) score of each branch,
 * one line `branch,score` per branch key. Every line is checked; one bad line refuses the whole
 * file (each bad line printed as FILE:LINE: field: problem) and nothing changes.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { periodOf } from "../../domain/period.ts";
import { t } from "../../i18n/index.ts";
import { errorKey, importEffectiveness } from "../../services/assessment/actions.ts";
import { currentOrgRecord } from "../../services/org/current.ts";
import type { CommandContext, CommandRegistrar } from "../command-context.ts";

export async function assessmentImport(
  ctx: CommandContext,
  file: string,
  yearText: string | undefined,
): Promise<number> {
  if (yearText !== undefined && !/^2\d{3}$/.test(yearText)) {
    ctx.io.err(`--year ${yearText}: write the year like 2026`);
    return 2;
  }
  const org = await currentOrgRecord(ctx.db);
  if (!org) {
    ctx.io.err("no org applied yet: pbb org apply FILE first");
    return 1;
  }
  const year = Number(yearText ?? periodOf(ctx.now(), org.timezone).slice(0, 4));
  let text: string;
  try {
    text = await readFile(path.resolve(ctx.cwd, file), "utf8");
  } catch (error) {
    ctx.io.err(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
    return 1;
  }
  const result = await importEffectiveness({ db: ctx.db, now: ctx.now }, { year, text, by: "cli" });
  if (result.ok) {
    ctx.io.out(
      `${file}: imported the effectiveness scores of ${result.count} branch(es) for ${year}`,
    );
    return 0;
  }
  if (result.problems) {
    for (const p of result.problems) ctx.io.err(`${file}:${p.line}: ${p.message}`);
  } else {
    ctx.io.err(`${file}: ${t("en", errorKey(result.error))}`);
  }
  ctx.io.err(`${file}: not imported; nothing was changed`);
  return 1;
}

export const registerAssessmentCommands: CommandRegistrar = (program, run) => {
  const assessment = program.command("assessment").description("the annual assessment");
  assessment
    .command("import")
    .description("import each branch's effectiveness score from a CSV file (branch,score)")
    .argument("<file>", "the CSV file")
    .option("--year <year>", "the assessment year (default: this year)")
    .action((file: string, options: { year?: string }) =>
      run((ctx) => assessmentImport(ctx, file, options.year)),
    );
};
