/**
 * The bot built from a list of features: their listeners, the `/pbb` command, their routes; and
 * the check that nothing in the list is registered twice (the bot and the CLI refuse to start).
 */
import type { CustomRoute } from "@slack/bolt";
import { registerPbbCommand } from "../slack/listeners/commands/pbb.ts";
import { registerThreadReplies } from "../slack/listeners/thread-replies.ts";
import type { ListenerRouter } from "../slack/router.ts";
import type { AppContext } from "./context.ts";
import type { Feature } from "./feature.ts";
import { assessmentSourcesOf, reportsOf, subcommandsOf } from "./features.ts";

export class DuplicateRegistration extends Error {
  override name = "DuplicateRegistration";
}

/** The names seen more than once, as "<what> <name>". */
function repeated(what: string, names: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of names) (seen.has(name) ? twice : seen).add(name);
  return [...twice].map((name) => `${what} ${name}`);
}

function fail(problems: string[]): void {
  if (problems.length > 0) {
    throw new DuplicateRegistration(`registered more than once: ${problems.join(", ")}`);
  }
}

/** Feature names, jobs, `/pbb` subcommands, reports, assessment sources and result-handler prefixes: each once in the list. */
export function checkFeatures(list: readonly Feature[]): void {
  fail([
    ...repeated(
      "feature",
      list.map((f) => f.name),
    ),
    ...repeated(
      "job",
      list.flatMap((f) => (f.jobs ?? []).map((j) => j.name)),
    ),
    ...repeated(
      "subcommand",
      subcommandsOf(list).map((s) => s.name),
    ),
    ...repeated(
      "report",
      reportsOf(list).map((r) => r.kind),
    ),
    ...repeated(
      "assessment source",
      assessmentSourcesOf(list).map((s) => s.name),
    ),
    ...repeated(
      "result handler",
      list.flatMap((f) => Object.keys(f.resultHandlers ?? {})),
    ),
  ]);
}

/**
 * Registers the features' listeners and `/pbb` (their subcommands) on the router; returns their
 * routes. Throws DuplicateRegistration when an id, command, event or route is taken twice.
 */
export function wireFeatures(
  list: readonly Feature[],
  router: Pick<ListenerRouter, "app" | "registered">,
  ctx: AppContext,
): CustomRoute[] {
  checkFeatures(list);
  for (const feature of list) feature.listeners?.(router.app, ctx);
  registerThreadReplies(
    router.app,
    ctx,
    list.flatMap((f) => f.threadReplies ?? []),
  );
  registerPbbCommand(router.app, ctx, subcommandsOf(list));
  const routes = list.flatMap((feature) => feature.routes?.(ctx) ?? []);
  fail([
    ...router
      .registered()
      .filter((r) => r.handlers > 1)
      .map((r) => `listener ${r.key}`),
    ...repeated("route", routes.map(routeKey)),
  ]);
  return routes;
}

const routeKey = (route: CustomRoute): string =>
  `${[route.method].flat().sort().join(",")} ${route.path}`;

/** What a job run by hand needs of a running bot (`runJobByName`): its store, jobs and services. */
export function jobEnvOf(ctx: AppContext) {
  return { db: ctx.db, jobs: ctx.jobs, homes: ctx.homes };
}
