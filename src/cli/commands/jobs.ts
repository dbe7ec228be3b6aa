/** `pbb jobs list` and `pbb jobs run <job> [--at] [--backfill]`, over the features' jobs. */
import { liveReplicas } from "../../db/repositories/replicas.ts";
import { AtOptionError, parseAtOption } from "../../jobs/at-option.ts";
import type { AnyJob } from "../../jobs/define.ts";
import { REPLICA_STALE_MS } from "../../jobs/heartbeat.ts";
import { loadJobOrg } from "../../jobs/org.ts";
import { runJobOccurrence } from "../../jobs/run.ts";
import { nextFireTimes } from "../../jobs/scheduler.ts";
import { silentLogger } from "../../observability/logger.ts";
import {
  createDeliveryClient,
  createDeliveryWorker,
  type ResultHandlers,
} from "../../services/outbox/index.ts";
import type { CommandContext } from "../command-context.ts";

const local = (at: Date, timezone: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: timezone,
    dateStyle: "short",
    timeStyle: "short",
  }).format(at);

/** What the jobs commands run over: the features' jobs and result handlers. */
export interface JobsOfFeatures {
  jobs: readonly AnyJob[];
  resultHandlers: ResultHandlers;
}

export async function jobsList(ctx: CommandContext, { jobs }: JobsOfFeatures): Promise<number> {
  const org = await loadJobOrg(ctx.db);
  if (!org) {
    ctx.io.out(`jobs: ${jobs.map((j) => j.name).join(", ") || "none"}`);
    ctx.io.out(
      "no organisation configured yet, so nothing is scheduled: run `pbb org apply <file>`",
    );
    return 0;
  }
  if (jobs.length === 0) ctx.io.out("no jobs are defined");
  for (const { job, next } of nextFireTimes(org, ctx.now(), jobs)) {
    ctx.io.out(
      next
        ? `${job.padEnd(22)} next ${local(next.fireAt, org.timezone)} ${org.timezone}  (${next.key})`
        : `${job.padEnd(22)} nothing scheduled within a year`,
    );
  }
  return 0;
}

/**
 * `--backfill`: an operator's explicit say-so for an `--at` before the organisation was first
 * applied (a committee installing on the 6th that wants this month's list sent). Cron and
 * catch-up never pass it; the occurrence key still makes the run happen once.
 */
export async function jobsRun(
  ctx: CommandContext,
  known: JobsOfFeatures,
  name: string,
  atText?: string,
  options: { backfill?: boolean } = {},
): Promise<number> {
  const job = known.jobs.find((j) => j.name === name);
  if (!job) {
    ctx.io.err(
      `unknown job "${name}"; jobs: ${known.jobs.map((j) => j.name).join(", ") || "none"}`,
    );
    return 2;
  }
  if (options.backfill && !atText) {
    ctx.io.err("--backfill needs --at <time>: the past occurrence to run");
    return 2;
  }
  const org = await loadJobOrg(ctx.db);
  if (!org) {
    ctx.io.err("no organisation configured yet: run `pbb org apply <file>` first");
    return 1;
  }
  let at: Date;
  try {
    at = atText ? parseAtOption(atText, org.timezone) : ctx.now();
  } catch (error) {
    if (error instanceof AtOptionError) {
      ctx.io.err(error.message);
      return 2;
    }
    throw error;
  }
  const runner = ctx.insideBot ? "bot" : `cli:${process.pid}`;
  const outcome = await runJobOccurrence(
    { db: ctx.db, org, logger: silentLogger, runner, ...ctx.bot },
    job,
    at,
    "manual",
    { allowBeforeFirstApplied: options.backfill === true },
  );
  switch (outcome.status) {
    case "not-due":
      if (outcome.reason === "before-first-applied") {
        ctx.io.err(
          `${name} ${outcome.occurrence?.key ?? ""}: not run, because it fired at ${local(outcome.occurrence?.fireAt ?? at, org.timezone)} ${org.timezone}, before the organisation was first applied (${local(org.firstAppliedAt, org.timezone)} ${org.timezone}); to run it anyway, add --backfill`,
        );
        return 1;
      }
      ctx.io.out(`${name}: nothing is due at ${at.toISOString()}`);
      return 0;
    case "already-ran":
      ctx.io.out(
        `${name} ${outcome.occurrence.key}: already ${outcome.state === "running" ? "running" : "ran"} (${outcome.ranAt.toISOString()}); nothing to do`,
      );
      return 0;
    case "ran":
      ctx.io.out(`${name} ${outcome.occurrence.key}: ran`);
      if (outcome.summary !== undefined) ctx.io.out(`  ${JSON.stringify(outcome.summary)}`);
      return deliver(ctx, known.resultHandlers);
  }
}

/** The bot delivers when one runs; otherwise this command sends before it exits. */
async function deliver(ctx: CommandContext, resultHandlers: ResultHandlers): Promise<number> {
  if (ctx.deliveries) return 0; // inside the bot: its worker sends
  const others = await liveReplicas(ctx.db, new Date(), REPLICA_STALE_MS);
  if (others.length > 0) {
    ctx.io.out(
      `  delivery: by the running bot (${others.length} replica${others.length > 1 ? "s" : ""})`,
    );
    return 0;
  }
  if (!ctx.client) {
    ctx.io.out(
      "  delivery: no bot is running and no SLACK_BOT_TOKEN is set; messages wait in the outbox",
    );
    return 0;
  }
  const worker = createDeliveryWorker({
    db: ctx.db,
    client: createDeliveryClient(ctx.client.token ?? "", { slackApiUrl: ctx.client.slackApiUrl }),
    replicaId: `cli:${process.pid}`,
    resultHandlers,
  });
  const report = await worker.drainOnce();
  ctx.io.out(
    `  delivery: ${report.sent} sent, ${report.failed} failed, ${report.retried + report.deferred} left to retry`,
  );
  return report.failed > 0 ? 1 : 0;
}
