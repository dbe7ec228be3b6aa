/** `/pbb admin`: committee admins get the admin menu; others are told why not. */
import { committeeRoles, currentOrg } from "../../../services/org/current.ts";
import { buildAdminHome } from "../../views/admin/home.ts";
import type { Subcommand } from "../commands/pbb-subcommands.ts";

export const adminSubcommand: Subcommand = {
  name: "admin",
  usage: "admin",
  describe: (t) => t("admin.command.describe"),
  async run({ ctx, command, t, respond }) {
    const roles = await committeeRoles(ctx.db, command.user_id);
    const org = roles.admin ? await currentOrg(ctx.db) : null;
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
