/** The committee's desk in Slack: `/pbb report`, `/pbb admin` and the admin modals. */

import type { AppContext } from "../../../app/context.ts";
import { provideReportSlack } from "../../../services/reports/slack.ts";
import type { ListenerApp } from "../../router.ts";
import { registerAdmin } from "../admin/index.ts";
import { registerSubcommand } from "../commands/pbb-subcommands.ts";
import { reportSubcommand } from "./report-command.ts";

export function registerCommitteeDesk(app: ListenerApp, ctx: AppContext): void {
  provideReportSlack(ctx.db, ctx.client);
  registerSubcommand(reportSubcommand);
  registerAdmin(app, ctx);
}
