/**
 * The features the bot and the `pbb` command carry, in order (the `/pbb` help lists their
 * subcommands in this order). Add a feature here with one line; see docs/ARCHITECTURE.md,
 * "Adding a feature".
 */
import { adminFeature } from "../features/admin.ts";
import { annualPlansFeature } from "../features/annual-plans.ts";
import { appHomeFeature } from "../features/app-home.ts";
import { assessmentFeature } from "../features/assessment.ts";
import { committeeDeskFeature } from "../features/committee-desk.ts";
import { inspectionsFeature } from "../features/inspections.ts";
import { lectureHallFeature } from "../features/lecture-hall.ts";
import { responsibilitiesFeature } from "../features/responsibilities.ts";
import { serviceListFeature } from "../features/service-list.ts";
import { studyFeature } from "../features/study.ts";
import { tasklistFeature } from "../features/tasklist.ts";
import type { AnyJob } from "../jobs/define.ts";
import type { AssessmentSource } from "../services/assessment/source.ts";
import type { OrgWrittenHook } from "../services/org/apply-org.ts";
import type { ResultHandlers } from "../services/outbox/index.ts";
import type { ReportDefinition } from "../services/reports/definition.ts";
import type { Subcommand } from "../slack/listeners/commands/pbb-subcommands.ts";
import type { Feature } from "./feature.ts";

export type { Feature } from "./feature.ts";

export const features: readonly Feature[] = [
  tasklistFeature,
  committeeDeskFeature,
  adminFeature,
  lectureHallFeature,
  studyFeature,
  inspectionsFeature,
  annualPlansFeature,
  responsibilitiesFeature,
  serviceListFeature,
  // Reads the sources of every feature in this list (assessmentSourcesOf below), when it runs.
  assessmentFeature(() => assessmentSourcesOf(features)),
  appHomeFeature,
];

/** The features' jobs, by name. */
export function jobsOf(list: readonly Feature[]): AnyJob[] {
  return list.flatMap((f) => f.jobs ?? []).sort((a, b) => a.name.localeCompare(b.name));
}

/** The features' `/pbb` subcommands, in the list's order. */
export function subcommandsOf(list: readonly Feature[]): Subcommand[] {
  return list.flatMap((f) => f.subcommands ?? []);
}

/** The features' reports, in the list's order (the first is `/pbb report`'s default). */
export function reportsOf(list: readonly Feature[]): ReportDefinition[] {
  return list.flatMap((f) => f.reports ?? []);
}

/** The features' outbox result handlers, by resultRef prefix. */
export function resultHandlersOf(list: readonly Feature[]): ResultHandlers {
  return Object.assign({}, ...list.map((f) => f.resultHandlers ?? {}));
}

/** The features' assessment sources, in the list's order (names unique: checkFeatures). */
export function assessmentSourcesOf(list: readonly Feature[]): AssessmentSource[] {
  return list.flatMap((f) => f.assessmentSources ?? []);
}

/** The features' parts of an org write, run in the list's order in the write's transaction. */
export function orgWrittenOf(list: readonly Feature[]): OrgWrittenHook {
  const hooks = list.flatMap((f) => (f.orgWritten ? [f.orgWritten] : []));
  return async (tx) => {
    const changes: string[] = [];
    for (const hook of hooks) changes.push(...(await hook(tx)));
    return changes;
  };
}
