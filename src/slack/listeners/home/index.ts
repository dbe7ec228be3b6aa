/**
 * The App Home: published when its tab is opened and re-published for the people a list or
 * lecture change concerns (the use cases tell `ctx.homes`, which publishes as `publishHomes` says).
 */

import type { AppContext } from "../../../app/context.ts";
import { publishHome } from "../../publish-home.ts";
import type { ListenerApp } from "../../router.ts";
import { registerHomeDecisions } from "../tasklist/decide.ts";
import { registerHomeBranchButtons } from "./branch.ts";
import { registerHomeOpened } from "./opened.ts";
import { registerHomeTurnButtons } from "./turn.ts";

export function registerHome(app: ListenerApp, ctx: AppContext): void {
  registerHomeOpened(app, ctx);
  registerHomeDecisions(app, ctx);
  registerHomeBranchButtons(app, ctx);
  registerHomeTurnButtons(app, ctx);
}

/** The bot's Home refresher publishes each person's Home with the bot's client. */
export function publishHomes(ctx: AppContext): void {
  ctx.homes.publishWith(
    (userId) => publishHome(ctx, { userId }),
    (err, userId) => ctx.logger.warn({ err, user: userId }, "home not refreshed"),
  );
}
