import type { JobDefinition, JobOrg } from "./define.ts";

export type AnyJob = JobDefinition<JobOrg, unknown>;

const jobs = new Map<string, AnyJob>();

export function registerJob<O extends JobOrg, S>(job: JobDefinition<O, S>): void {
  const existing = jobs.get(job.name);
  if (existing && existing !== job) throw new Error(`job "${job.name}" is already registered`);
  jobs.set(job.name, job as unknown as AnyJob);
}

export function getJob(name: string): AnyJob | undefined {
  return jobs.get(name);
}

/** Registered jobs in name order. */
export function listJobs(): AnyJob[] {
  return [...jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** For tests: forget every registration. */
export function clearJobs(): void {
  jobs.clear();
}
