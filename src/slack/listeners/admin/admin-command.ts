/** `/pbb admin`: committee admins get the admin menu; others are told why not. */
import { loadOrg } from "../../../db/repositories/org.ts";
import { committeeRolesOf } from "../../../db/repositories/report-access.ts";
import { buildAdminHome } from "../../views/admin/home.ts";
import type { Subcommand } from "../commands/pbb-subcommands.ts";

export const adminSubcommand: Subcommand = {
  name: "admin",
  usage: "admin",
  describe: (t) => t("admin.command.describe"),
  async run({ ctx, command, t, respond }) {
    const roles = await committeeRolesOf(ctx.db, command.user_id);
    const org = roles.admin ? await loadOrg(ctx.db) : null;
    if (!org) {
      await respond({ response_type: "ephemeral", text: t("admin.refused") });
      return;
    }
    await ctx.client.views.open({
      trigger_id: command.trigger_id,
      view: buildAdminHome(org, t, undefined, command.channel_id),
    });
  },
};
