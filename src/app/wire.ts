/** The bot built from a list of features: their listeners, the `/pbb` command, their routes. */
import type { CustomRoute } from "@slack/bolt";
import { registerPbbCommand } from "../slack/listeners/commands/pbb.ts";
import type { ListenerApp } from "../slack/router.ts";
import type { AppContext } from "./context.ts";
import type { Feature } from "./feature.ts";
import { subcommandsOf } from "./features.ts";

/** Registers the features' listeners and `/pbb` (their subcommands) on `app`; their routes. */
export function wireFeatures(
  list: readonly Feature[],
  app: ListenerApp,
  ctx: AppContext,
): CustomRoute[] {
  for (const feature of list) feature.listeners?.(app, ctx);
  registerPbbCommand(app, ctx, subcommandsOf(list));
  return list.flatMap((feature) => feature.routes?.(ctx) ?? []);
}

/** What a job run by hand needs of a running bot (`runJobByName`): its store, jobs and services. */
export function jobEnvOf(ctx: AppContext) {
  return { db: ctx.db, jobs: ctx.jobs, homes: ctx.homes, slack: ctx.client };
}
