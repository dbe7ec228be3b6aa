/**
 * The `pbb` commands, run against a CommandContext. The same program runs in the command's
 * own process and, handed off, inside the running bot.
 */
import { Command, CommanderError } from "commander";
import type { Feature } from "../app/feature.ts";
import {
  assessmentSourcesOf,
  features,
  jobsOf,
  orgWrittenOf,
  reportsOf,
  resultHandlersOf,
} from "../app/features.ts";
import { checkFeatures } from "../app/wire.ts";
import type { CommandContext } from "./command-context.ts";
import { dbMigrate } from "./commands/db.ts";
import { registerDbOps } from "./commands/db-ops.ts";
import { registerDeliveryCommands } from "./commands/deliveries.ts";
import { jobsList, jobsRun } from "./commands/jobs.ts";
import { orgApply, orgExport, orgShow } from "./commands/org.ts";
import { type ReportOptions, reportProblem, reportToFile } from "./commands/report.ts";
import type { CommandIo } from "./handoff.ts";

export type ContextProvider = () => Promise<{ ctx: CommandContext; release(): Promise<void> }>;

export type { CommandRegistrar } from "./command-context.ts";

/** The `pbb` program over a list of features (the bot's own list unless a test gives one). */
export function buildProgram(
  io: CommandIo,
  provide: ContextProvider,
  setExit: (code: number) => void,
  list: readonly Feature[] = features,
): Command {
  checkFeatures(list);
  const known = { jobs: jobsOf(list), resultHandlers: resultHandlersOf(list) };
  const run = async (action: (ctx: CommandContext) => Promise<number>) => {
    const { ctx, release } = await provide();
    try {
      setExit(await action(ctx));
    } finally {
      await release();
    }
  };
  const program = new Command("pbb")
    .description("party-building-bot: the party committee's routine work in Slack")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, "")),
      writeErr: (text) => io.err(text.replace(/\n$/, "")),
    });
  program.command("start").description("run the bot (what `npm start` runs)");
  const db = program.command("db").description("the database");
  db.command("migrate")
    .description("apply pending migrations")
    .action(() => run(dbMigrate));
  const org = program.command("org").description("the organisation's configuration");
  org
    .command("apply <file>")
    .description("validate and apply an org file (idempotent)")
    .action((file: string) =>
      run((ctx) =>
        orgApply(
          ctx,
          file,
          assessmentSourcesOf(list).map((s) => s.name),
          orgWrittenOf(list),
        ),
      ),
    );
  org
    .command("show")
    .description("print the configuration in force")
    .action(() => run(orgShow));
  org
    .command("export [file]")
    .description("write the configuration in force as an org file (stdout without a file)")
    .action((file?: string) => run((ctx) => orgExport(ctx, file)));
  const jobs = program.command("jobs").description("scheduled jobs");
  jobs
    .command("list")
    .description("the jobs and their next fire times")
    .action(() => run((ctx) => jobsList(ctx, known)));
  jobs
    .command("run <job>")
    .description("run one job now, as if it fired at --at (default: now); an occurrence runs once")
    .option("--at <time>", "ISO 8601; without an offset it is read in the org's time zone")
    .option(
      "--backfill",
      "run an --at before the organisation was first applied (still once per occurrence)",
    )
    .action((job: string, opts: { at?: string; backfill?: boolean }) =>
      run((ctx) => jobsRun(ctx, known, job, opts.at, { backfill: opts.backfill === true })),
    );
  const reports = reportsOf(list);
  program
    .command("report <kind>")
    .description(
      `a report as a file, with the content /pbb report delivers in Slack; kinds: ${reports.map((r) => r.kind).join(", ")}. Period: --month or --quarter (of --year, default this year), --year alone, or nothing: this month`,
    )
    .option("--year <year>", "e.g. 2026")
    .option("--quarter <quarter>", "1 to 4")
    .option("--month <month>", "1 to 12")
    .requiredOption("--format <format>", "csv or xlsx")
    .requiredOption("--out <file>", "where to write it (relative to the current directory)")
    .action((kind: string, opts: ReportOptions) => {
      const problem = reportProblem(reports, kind, opts);
      if (!problem) return run((ctx) => reportToFile(ctx, reports, kind, opts));
      io.err(problem);
      setExit(2);
      return undefined;
    });
  registerDbOps(program, run);
  registerDeliveryCommands(program, run);
  for (const feature of list) for (const register of feature.commands ?? []) register(program, run);
  return program;
}

/** Runs argv (without "node pbb"); resolves to the exit code. */
export async function runProgram(
  argv: string[],
  io: CommandIo,
  provide: ContextProvider,
  list: readonly Feature[] = features,
): Promise<number> {
  let code = 0;
  const program = buildProgram(
    io,
    provide,
    (c) => {
      code = c;
    },
    list,
  );
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
