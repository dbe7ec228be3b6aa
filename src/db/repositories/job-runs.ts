/**
 * JobRun rows: inserting one is the claim on an occurrence (job + key). The unique key makes a
 * second claim fail in the database; a failed run, or one whose runner vanished (RUNNING past its
 * lease), is claimed again by a conditional update, so a claim is never read-then-write.
 */
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Database } from "../client.ts";
import { isUniqueViolation } from "../errors.ts";

export interface ClaimInput {
  job: string;
  occurrence: string;
  firedAt: Date;
  source: string;
  runner: string;
  now: Date;
  /** A RUNNING claim older than this is taken to belong to a dead runner. */
  leaseMs: number;
}

export type ExistingRun = {
  status: "RUNNING" | "DONE" | "FAILED";
  startedAt: Date;
  finishedAt: Date | null;
  attempts: number;
};

export type ClaimResult =
  | { claimed: true; attempt: number }
  | { claimed: false; existing: ExistingRun };

export async function claimJobRun(db: Database, input: ClaimInput): Promise<ClaimResult> {
  const { job, occurrence, firedAt, source, runner, now } = input;
  try {
    await db.prisma.jobRun.create({
      data: { job, occurrence, firedAt, source, runner, startedAt: now, status: "RUNNING" },
    });
    return { claimed: true, attempt: 1 };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const retaken = await db.prisma.jobRun.updateMany({
    where: {
      job,
      occurrence,
      OR: [
        { status: "FAILED" },
        { status: "RUNNING", startedAt: { lt: new Date(now.getTime() - input.leaseMs) } },
      ],
    },
    data: {
      status: "RUNNING",
      source,
      runner,
      startedAt: now,
      finishedAt: null,
      attempts: { increment: 1 },
    },
  });
  const row = await db.prisma.jobRun.findUniqueOrThrow({
    where: { job_occurrence: { job, occurrence } },
    select: { status: true, startedAt: true, finishedAt: true, attempts: true },
  });
  if (retaken.count === 1) return { claimed: true, attempt: row.attempts };
  return { claimed: false, existing: row };
}

export interface FinishInput {
  job: string;
  occurrence: string;
  runner: string;
  now: Date;
}

export async function completeJobRun(
  db: Database,
  input: FinishInput & { result: Prisma.InputJsonValue },
): Promise<void> {
  await finishJobRun(db, input, {
    status: "DONE",
    finishedAt: input.now,
    result: input.result,
    lastError: null,
  });
}

/** Marks the claim FAILED: the next ensure (tick, catch-up, `pbb jobs run`) may claim it again. */
export async function failJobRun(
  db: Database,
  input: FinishInput & { error: string },
): Promise<void> {
  await finishJobRun(db, input, {
    status: "FAILED",
    finishedAt: input.now,
    lastError: input.error.slice(0, 2000),
  });
}

/** Ends this runner's RUNNING claim of the occurrence (a claim taken over meanwhile is left alone). */
async function finishJobRun(
  db: Database,
  input: FinishInput,
  data: Prisma.JobRunUpdateManyMutationInput,
): Promise<void> {
  await db.prisma.jobRun.updateMany({
    where: {
      job: input.job,
      occurrence: input.occurrence,
      runner: input.runner,
      status: "RUNNING",
    },
    data,
  });
}

/** Occurrence keys of `job` that have a row (any status) among `occurrences`. */
export async function claimedOccurrences(
  db: Database,
  job: string,
  occurrences: string[],
): Promise<Map<string, ExistingRun>> {
  if (occurrences.length === 0) return new Map();
  const rows = await db.prisma.jobRun.findMany({
    where: { job, occurrence: { in: occurrences } },
    select: { occurrence: true, status: true, startedAt: true, finishedAt: true, attempts: true },
  });
  return new Map(rows.map(({ occurrence, ...run }) => [occurrence, run]));
}

export interface RetryableRun {
  job: string;
  occurrence: string;
  firedAt: Date;
  attempts: number;
  finishedAt: Date | null;
}

/** FAILED runs, and RUNNING ones past their lease, fired since `since`, under `maxAttempts`. */
export async function retryableRuns(
  db: Database,
  opts: { since: Date; now: Date; leaseMs: number; maxAttempts: number },
): Promise<RetryableRun[]> {
  return db.prisma.jobRun.findMany({
    where: {
      firedAt: { gte: opts.since },
      attempts: { lt: opts.maxAttempts },
      OR: [
        { status: "FAILED" },
        { status: "RUNNING", startedAt: { lt: new Date(opts.now.getTime() - opts.leaseMs) } },
      ],
    },
    select: { job: true, occurrence: true, firedAt: true, attempts: true, finishedAt: true },
    orderBy: { firedAt: "asc" },
  });
}
