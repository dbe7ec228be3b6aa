/**
 * The clock panel: shows the business clock and moves it — to the next fire time of a job, or
 * by an hour, a day, a week — running the bot's scheduler on the way, so every job due in
 * between runs as it would have, and what the jobs enqueued is sent at once.
 */
import type { Database } from "../db/client.ts";
import type { JobOrg } from "../jobs/define.ts";
import { loadJobOrg } from "../jobs/org.ts";
import { listJobs } from "../jobs/registry.ts";
import { nextFireTimes, type Scheduler, type TickReport } from "../jobs/scheduler.ts";
import type { BusinessClock } from "./clock.ts";
import { html } from "./render/html.ts";
import type { ClockControl } from "./server/index.ts";

const HOUR = 3_600_000;
/** Ticks at most this far apart while the clock jumps, well inside the catch-up window. */
const STEP_MS = 6 * HOUR;

const JOB_LABELS: Record<string, string> = {
  "monthly-reminder": "Next monthly reminder",
  "submission-followup": "Next follow-up",
  "lecture-notice": "Next lecture notice",
};
const FIRST = ["monthly-reminder", "submission-followup", "lecture-notice"];

export const ADVANCES: { label: string; ms: number }[] = [
  { label: "Advance 1 hour", ms: HOUR },
  { label: "Advance 1 day", ms: 24 * HOUR },
  { label: "Advance 1 week", ms: 7 * 24 * HOUR },
];

export interface TimeControlDeps {
  clock: BusinessClock;
  db: Database;
  scheduler: Scheduler;
  /** Sends what is due in the outbox now (by the business clock). */
  drain(): Promise<void>;
  log?: (line: string) => void;
}

export interface TimeControl extends ClockControl {
  /** Ticks the scheduler as business time passes, and drains the outbox. */
  start(): void;
  stop(): Promise<void>;
}

const jobLabel = (name: string) => JOB_LABELS[name] ?? `Next ${name.replace(/-/g, " ")}`;

/** What ticks did: each job's occurrences that ran, and failures. */
class RunLog {
  private readonly ran = new Map<string, string[]>();
  private readonly failed: string[] = [];

  add(report: TickReport | null): void {
    for (const { job, outcome } of report?.ran ?? []) {
      if (outcome.status === "ran")
        this.ran.set(job, [...(this.ran.get(job) ?? []), outcome.occurrence.key]);
    }
    for (const f of report?.failed ?? []) {
      this.failed.push(`${f.job} ${f.key} failed: ${f.error.split("\n")[0] ?? ""}`);
    }
  }

  lines(): string[] {
    return [
      ...[...this.ran].map(([job, keys]) =>
        keys.length === 1 ? `${job} ${keys[0]} ran` : `${job} ran ${keys.length}×`,
      ),
      ...this.failed,
    ];
  }
}

export function createTimeControl(deps: TimeControlDeps): TimeControl {
  const { clock } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next;
  };
  let lastLines: string[] = [];
  let runs = 0;
  const timers: NodeJS.Timeout[] = [];

  const fmt = (d: Date, timezone: string, long = true) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      weekday: "short",
      day: "numeric",
      month: "short",
      ...(long ? { year: "numeric" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }).format(d);

  async function upcoming(org: JobOrg | null) {
    if (!org) return [];
    try {
      const order = (n: string) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
      return nextFireTimes(org, clock.now(), listJobs())
        .filter((f) => f.next !== null)
        .sort((a, b) => order(a.job) - order(b.job) || a.job.localeCompare(b.job));
    } catch {
      return [];
    }
  }

  /** Moves the clock to `target`, ticking the scheduler every few hours of business time. */
  async function advanceTo(target: Date): Promise<string[]> {
    const log = new RunLog();
    while (clock.nowMs() < target.getTime()) {
      const next = new Date(Math.min(clock.nowMs() + STEP_MS, target.getTime()));
      clock.advanceTo(next);
      log.add(await deps.scheduler.tick(next));
    }
    await deps.drain();
    return log.lines();
  }

  async function run(command: string): Promise<{ lines: string[] }> {
    return serial(async () => {
      const [kind, arg = ""] = command.split(":");
      let target: Date;
      if (kind === "advance" && /^\d+$/.test(arg)) {
        target = new Date(clock.nowMs() + Number(arg));
      } else if (kind === "job") {
        const org = await loadJobOrg(deps.db);
        const next = (await upcoming(org)).find((f) => f.job === arg)?.next;
        if (!next) return { lines: [`${arg}: nothing scheduled within a year`] };
        target = next.fireAt;
      } else {
        return { lines: [`unknown clock command "${command}"`] };
      }
      const lines = await advanceTo(target);
      runs += 1;
      const org = await loadJobOrg(deps.db);
      const at = `Clock now ${fmt(clock.now(), org?.timezone ?? "UTC")}`;
      lastLines = lines.length ? lines : ["no job was due"];
      for (const line of lines) deps.log?.(`sandbox clock: ${line}`);
      return { lines: [at, ...lastLines] };
    });
  }

  async function panel(): Promise<string> {
    const org = await loadJobOrg(deps.db);
    const tz = org?.timezone ?? "UTC";
    const all = await upcoming(org);
    const jobButton = ({ job, next }: (typeof all)[number]) =>
      next
        ? html`<button type="button" data-clock="job:${job}">${jobLabel(job)} <small>${fmt(next.fireAt, tz, false)}</small></button>`
        : "";
    const main = all.filter((f) => FIRST.includes(f.job)).map(jobButton);
    const others = all.filter((f) => !FIRST.includes(f.job));
    const more = others.length
      ? html`<details class="clock-more"><summary>Other jobs (${others.length})</summary><div class="clock-menu">${others.map(jobButton)}</div></details>`
      : "";
    const advances = ADVANCES.map(
      (a) => html`<button type="button" data-clock="advance:${a.ms}">${a.label}</button>`,
    );
    return html`<div class="clock-row"><span class="clock-now">Business clock: <time data-clock-now datetime="${clock
      .now()
      .toISOString()}">${fmt(clock.now(), tz)}</time> (${tz})</span>${main}${more}${advances}</div>${
      lastLines.length
        ? html`<div class="clock-log" title="${lastLines.join("\n")}">Last move: ${lastLines.join(" · ")}</div>`
        : ""
    }`.value;
  }

  const background = async () => {
    const log = new RunLog();
    log.add(await deps.scheduler.tick(clock.now()));
    const lines = log.lines();
    if (lines.length) {
      runs += 1;
      lastLines = lines;
    }
    await deps.drain();
  };

  return {
    panel,
    run,
    revision: () => `${Math.floor(clock.nowMs() / 60_000)}|${runs}`,
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
