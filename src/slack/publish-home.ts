/**
 * Publishing a Home straight through the Web API, not through the outbox: views.publish
 * replaces the whole view, so a lost call is repaired by the next one (or by opening the
 * tab), while the outbox would render it inside the change's transaction and pace it like a
 * channel post. The person opening the tab gets their Home at once.
 */
import type { HomeView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { type HomeDeps, type HomeRequest, loadHome } from "../services/home/load-home.ts";
import { presentHome } from "./views/home/present.ts";

export interface PublishDeps extends HomeDeps {
  client: Pick<WebClient, "views">;
}

/** One person's Home as it is now: loaded by the Home's service, shown by its presenter. */
export async function renderHome(deps: HomeDeps, req: HomeRequest): Promise<HomeView> {
  return presentHome(await loadHome(deps, req));
}

export async function publishHome(deps: PublishDeps, req: HomeRequest): Promise<void> {
  const view = await renderHome(deps, req);
  await deps.client.views.publish({ user_id: req.userId, view });
}
