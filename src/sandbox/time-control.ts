/**
 * The clock panel: shows the business clock and moves it — to the next fire time of a job, or
 * by an hour, a day, a week. A jump runs every fire on the way in order: the clock is held at
 * the fire's time, the job runs, and what it sends is delivered (stamped with that time) before
 * the clock moves on. The panel shows the jump's progress and ends with a summary in words.
 */
import type { Database } from "../db/client.ts";
import { allKeys, localeOr, type MessageKey, type Translator, translator } from "../i18n/index.ts";
import type { AnyJob, JobOrg, JobServices, Occurrence } from "../jobs/define.ts";
import { loadJobOrg } from "../jobs/org.ts";
import { runOccurrence } from "../jobs/run.ts";
import { nextFireTimes } from "../jobs/scheduler.ts";
import type { Logger } from "../observability/logger.ts";
import type { BusinessClock } from "./clock.ts";
import { html } from "./render/html.ts";
import type { ClockControl } from "./server/index.ts";

const HOUR = 3_600_000;
const SWAP_EXPIRY = "lecture-swap-expiry";
/** The jobs with a button of their own, in this order; the others are under "Other jobs". */
const FIRST = [
  "monthly-reminder",
  "submission-followup",
  "lecture-notice",
  "study-notice",
  "project-milestones",
];
/** How long one fire may take to deliver what it sent before the jump goes on regardless. */
const SETTLE_MS = 15_000;

export const ADVANCES: { key: MessageKey; ms: number }[] = [
  { key: "sandbox.clock.advanceHour", ms: HOUR },
  { key: "sandbox.clock.advanceDay", ms: 24 * HOUR },
  { key: "sandbox.clock.advanceWeek", ms: 7 * 24 * HOUR },
];

/** Messages the bot has posted so far: in channels, and in DMs. */
export interface PostCount {
  channel: number;
  dm: number;
}

export interface TimeControlDeps {
  clock: BusinessClock;
  db: Database;
  /** Sends what is due in the outbox now. */
  drain(): Promise<void>;
  /** Counts the bot's messages in the workspace (what a fire posted is the difference). */
  posts(): PostCount;
  /** Who runs the jobs (the bot's replica id) and where they log. */
  runner: string;
  logger: Logger;
  /** The scheduler's own tick, between jumps (catch-up of retries, the minute's fires). */
  tick(now: Date): Promise<unknown>;
  /** The bot's jobs (its features'). */
  jobs: () => readonly AnyJob[];
  /** What the bot lends its jobs (Home refresh, uploads). */
  services?: JobServices;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface TimeControl extends ClockControl {
  /** Runs `fn` between jumps (reset demo). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Ticks the scheduler as business time passes, and drains the outbox. */
  start(): void;
  stop(): Promise<void>;
}

export interface Fire {
  job: AnyJob;
  occurrence: Occurrence;
}

const jobKey = (prefix: "sandbox.job" | "sandbox.summary", job: string): MessageKey => {
  const key = `${prefix}.${job}`;
  return (allKeys().includes(key) ? key : `${prefix}.other`) as MessageKey;
};

/**
 * The fires in (from, to], in time order (the jobs' order within one instant). The hourly swap
 * expiry counts only where a pending swap request expires: its other hours do nothing.
 */
export function firesBetween(
  org: JobOrg,
  jobs: readonly AnyJob[],
  from: Date,
  to: Date,
  swapExpiries: Date[],
): Fire[] {
  const fires: Fire[] = [];
  for (const job of jobs) {
    let due: Occurrence[];
    try {
      due = job.occurrencesBetween(org, from, to);
    } catch {
      continue;
    }
    if (job.name === SWAP_EXPIRY) {
      const wanted = new Set(
        swapExpiries.map((d) => Math.ceil(d.getTime() / HOUR) * HOUR).filter((ms) => ms > 0),
      );
      due = due.filter((o) => wanted.has(o.fireAt.getTime()));
    }
    for (const occurrence of due) fires.push({ job, occurrence });
  }
  const order = new Map(jobs.map((j, i) => [j.name, i]));
  return fires.sort(
    (a, b) =>
      a.occurrence.fireAt.getTime() - b.occurrence.fireAt.getTime() ||
      (order.get(a.job.name) ?? 0) - (order.get(b.job.name) ?? 0),
  );
}

/** What a jump did, counted per kind of job, said in words. */
export class JumpSummary {
  private readonly channelPosts = new Map<string, number>();
  private dms = 0;
  private failures = 0;

  add(job: string, before: PostCount, after: PostCount): void {
    const posted = after.channel - before.channel;
    if (posted > 0) this.channelPosts.set(job, (this.channelPosts.get(job) ?? 0) + posted);
    this.dms += Math.max(0, after.dm - before.dm);
  }

  failed(): void {
    this.failures += 1;
  }

  words(t: Translator): string {
    const parts = [...this.channelPosts].map(([job, count]) =>
      t(jobKey("sandbox.summary", job), { count }),
    );
    if (this.dms > 0) parts.push(t("sandbox.summary.direct", { count: this.dms }));
    if (this.failures > 0) parts.push(t("sandbox.summary.failed", { count: this.failures }));
    return parts.length ? parts.join(t("sandbox.list.separator")) : t("sandbox.summary.nothing");
  }
}

export function createTimeControl(deps: TimeControlDeps): TimeControl {
  const { clock, db } = deps;
  const { jobs } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next;
  };
  let last = "";
  let progress: { done: number; total: number; fire: Fire } | undefined;
  let runs = 0;
  const timers: NodeJS.Timeout[] = [];

  const localeOf = (org: JobOrg | null) => localeOr(org?.locale);
  const fmt = (d: Date, org: JobOrg | null, long = true) =>
    new Intl.DateTimeFormat(localeOf(org) === "en" ? "en-GB" : "zh-CN", {
      timeZone: org?.timezone ?? "UTC",
      weekday: "short",
      day: "numeric",
      month: "short",
      ...(long ? { year: "numeric" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }).format(d);

  /** The jobs' next fires; a job that says when it next has work (`nextWorkAt`) shows that. */
  async function upcoming(org: JobOrg | null) {
    if (!org) return [];
    try {
      const order = (n: string) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
      const now = clock.now();
      const all = nextFireTimes(
        org,
        now,
        jobs().filter((j) => j.name !== SWAP_EXPIRY),
      );
      for (const f of all) {
        const job = jobs().find((j) => j.name === f.job);
        if (!job?.nextWorkAt || !f.next) continue;
        const at = await job.nextWorkAt(db, org, now);
        f.next = at ? (job.occurrenceFor(org, at) ?? null) : null;
      }
      return all
        .filter((f) => f.next !== null)
        .sort((a, b) => order(a.job) - order(b.job) || a.job.localeCompare(b.job));
    } catch {
      return [];
    }
  }

  async function pendingSwapExpiries(): Promise<Date[]> {
    const rows = await db.prisma.swapRequest.findMany({
      where: { state: "PENDING" },
      select: { expiresAt: true },
    });
    return rows.map((r) => r.expiresAt);
  }

  /** Delivers what is due (wall clock: the outbox's leases) until nothing is left, or gives up. */
  async function settle(): Promise<void> {
    const until = Date.now() + SETTLE_MS;
    for (;;) {
      await deps.drain();
      const left = await db.prisma.delivery.count({
        where: {
          status: "PENDING",
          method: { not: "views.publish" },
          notBefore: { lte: new Date(Date.now() + 2_000) },
        },
      });
      if (left === 0 || Date.now() > until) return;
      await sleep(50);
    }
  }

  /** Moves the clock to `target`, running each fire on the way at its own time. */
  async function advanceTo(target: Date, org: JobOrg | null): Promise<JumpSummary> {
    const summary = new JumpSummary();
    const fires = org
      ? firesBetween(org, jobs(), clock.now(), target, await pendingSwapExpiries())
      : [];
    try {
      for (const [i, fire] of fires.entries()) {
        if (!org) break;
        const at = fire.occurrence.fireAt;
        progress = { done: i + 1, total: fires.length, fire };
        clock.hold(at);
        const before = deps.posts();
        try {
          await runOccurrence(
            { db, org, logger: deps.logger, runner: deps.runner, ...deps.services },
            fire.job,
            fire.occurrence,
            at,
            "cron",
          );
        } catch (error) {
          summary.failed();
          deps.log?.(
            `sandbox clock: ${fire.job.name} ${fire.occurrence.key} failed: ${(error as Error).message.split("\n")[0]}`,
          );
        }
        await settle();
        summary.add(fire.job.name, before, deps.posts());
      }
      clock.hold(target);
      await settle();
    } finally {
      progress = undefined;
      clock.release();
    }
    return summary;
  }

  async function run(command: string): Promise<{ lines: string[] }> {
    return serial(async () => {
      const org = await loadJobOrg(db);
      const t = translator(localeOf(org));
      const [kind, arg = ""] = command.split(":");
      let target: Date;
      if (kind === "advance" && /^\d+$/.test(arg)) {
        target = new Date(clock.nowMs() + Number(arg));
      } else if (kind === "job") {
        const next = (await upcoming(org)).find((f) => f.job === arg)?.next;
        if (!next) return { lines: [t("sandbox.clock.nothingScheduled")] };
        target = next.fireAt;
      } else {
        return { lines: [`unknown clock command "${command}"`] };
      }
      const summary = (await advanceTo(target, org)).words(t);
      // The scheduler's own tick takes up from here (retries; its next minute).
      await deps.tick(clock.now()).catch(() => {});
      runs += 1;
      last = summary;
      deps.log?.(`sandbox clock: ${summary}`);
      return { lines: [t("sandbox.clock.now", { when: fmt(clock.now(), org) }), summary] };
    });
  }

  async function panel(): Promise<string> {
    const org = await loadJobOrg(db);
    const t = translator(localeOf(org));
    const tz = org?.timezone ?? "UTC";
    const all = await upcoming(org);
    const p = progress;
    const off = p ? html` disabled` : "";
    const label = (job: string) =>
      FIRST.includes(job)
        ? t(`sandbox.clock.next.${job}` as MessageKey)
        : t("sandbox.clock.next.other", { job: t(jobKey("sandbox.job", job)) });
    const jobButton = ({ job, next }: (typeof all)[number]) =>
      next
        ? html`<button type="button" data-clock="job:${job}"${off}>${label(job)} <small><time datetime="${next.fireAt.toISOString()}">${fmt(next.fireAt, org, false)}</time></small></button>`
        : "";
    const main = all.filter((f) => FIRST.includes(f.job)).map(jobButton);
    const others = all.filter((f) => !FIRST.includes(f.job));
    const more = others.length
      ? html`<details class="clock-more"><summary>${t("sandbox.clock.otherJobs", { count: others.length })}</summary><div class="clock-menu">${others.map(jobButton)}</div></details>`
      : "";
    const advances = ADVANCES.map(
      (a) => html`<button type="button" data-clock="advance:${a.ms}"${off}>${t(a.key)}</button>`,
    );
    const status = p
      ? html`<div class="clock-log clock-progress" role="status">${t("sandbox.clock.progress", {
          done: p.done,
          total: p.total,
          what: t(jobKey("sandbox.job", p.fire.job.name)),
          when: fmt(p.fire.occurrence.fireAt, org, false),
        })}</div>`
      : last
        ? html`<div class="clock-log" role="status">${t("sandbox.clock.last", { summary: last })}</div>`
        : "";
    return html`<div class="clock-row"${p ? html` data-running` : ""}><span class="clock-now">${t("sandbox.clock.labelColon")}<time data-clock-now datetime="${clock
      .now()
      .toISOString()}">${fmt(clock.now(), org)}</time>${t("sandbox.clock.zone", { tz })}</span>${main}${more}${advances}</div>${status}`
      .value;
  }

  const background = async () => {
    await deps.tick(clock.now());
    await deps.drain();
  };

  return {
    panel,
    run,
    exclusive: (fn) =>
      serial(async () => {
        const result = await fn();
        last = "";
        runs += 1;
        return result;
      }),
    revision: () =>
      `${Math.floor(clock.nowMs() / 60_000)}|${runs}|${progress ? `${progress.done}/${progress.total}` : ""}`,
    start() {
      const safely = (fn: () => Promise<void>) => () => {
        serial(fn).catch((error: unknown) =>
          deps.log?.(`sandbox clock: ${(error as Error).message}`),
        );
      };
      timers.push(setInterval(safely(background), 15_000), setInterval(safely(deps.drain), 1_000));
      for (const t of timers) t.unref();
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      await queue;
    },
  };
}
