/** The admin feature's listeners: the menu's buttons and the modals' submissions. */

import type { AppContext } from "../../../app/context.ts";
import type { ListenerApp } from "../../router.ts";
import { registerAdminOpeners } from "./open-actions.ts";
import { registerAdminSubmissions } from "./submissions.ts";

export function registerAdmin(app: ListenerApp, ctx: AppContext): void {
  registerAdminOpeners(app, ctx);
  registerAdminSubmissions(app, ctx);
}
