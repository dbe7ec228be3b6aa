/** Where this bot's HTTP routes are reached, per running bot (for the calendar links it hands out). */
import type { AppContext } from "../../../app/context.ts";
import type { FeatureHttp } from "../../../app/features.ts";

const servers = new WeakMap<AppContext, FeatureHttp>();

export function rememberHttp(ctx: AppContext, http: FeatureHttp): void {
  servers.set(ctx, http);
}

/** The base URL of the bot that runs `ctx` (http://127.0.0.1:PORT until told otherwise). */
export function baseUrlOf(ctx: AppContext): string {
  return servers.get(ctx)?.baseUrl() ?? `http://127.0.0.1:${ctx.env.port}`;
}
