/**
 * The App Home: published when its tab is opened and re-published for the people a list or
 * lecture change concerns (the use cases' hooks call the refresher registered here).
 */

import type { AppContext } from "../../../app/context.ts";
import { publishHome } from "../../../services/home/publish.ts";
import { registerHomeRefresher } from "../../../services/home/refresh.ts";
import type { ListenerApp } from "../../router.ts";
import { registerHomeDecisions } from "../tasklist/decide.ts";
import { registerHomeBranchButtons } from "./branch.ts";
import { registerHomeOpened } from "./opened.ts";
import { registerHomeTurnButtons } from "./turn.ts";

export function registerHome(app: ListenerApp, ctx: AppContext): void {
  registerHomeRefresher(
    ctx.db,
    (userId) => publishHome(ctx, { userId }),
    (err, userId) => ctx.logger.warn({ err, user: userId }, "home not refreshed"),
  );
  registerHomeOpened(app, ctx);
  registerHomeDecisions(app, ctx);
  registerHomeBranchButtons(app, ctx);
  registerHomeTurnButtons(app, ctx);
}
