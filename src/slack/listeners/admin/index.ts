/** The admin feature's listeners: `/pbb admin`, the menu's buttons, the modals' submissions. */

import type { AppContext } from "../../../app/context.ts";
import type { ListenerApp } from "../../router.ts";
import { registerSubcommand } from "../commands/pbb-subcommands.ts";
import { adminSubcommand } from "./admin-command.ts";
import { registerAdminOpeners } from "./open-actions.ts";
import { registerAdminSubmissions } from "./submissions.ts";

export function registerAdmin(app: ListenerApp, ctx: AppContext): void {
  registerSubcommand(adminSubcommand);
  registerAdminOpeners(app, ctx);
  registerAdminSubmissions(app, ctx);
}
