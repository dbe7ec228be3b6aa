/** Opening the Home tab (app_home_opened) publishes the person's Home as it is now; paging too. */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { errorKey } from "../../../services/tasklist/result.ts";
import { HOME_ACTION } from "../../ids/home.ts";
import { publishHome } from "../../publish-home.ts";
import { replier, viaHome } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { parsePageValue } from "../../views/home/index.ts";

export function registerHomeOpened(app: ListenerApp, ctx: AppContext): void {
  app.event("app_home_opened", async ({ event }) => {
    if (event.tab !== "home") return;
    await publishHome(ctx, { userId: event.user });
  });

  app.action<BlockAction<ButtonAction>>(HOME_ACTION.page, async ({ ack, body, action }) => {
    await ack();
    const page = parsePageValue(action.value);
    if (!page) return replier(ctx, viaHome(ctx, body.user.id), errorKey).refuse("invalid");
    await publishHome(ctx, { userId: body.user.id, pages: { [page.section]: page.page } });
  });
}
