import type { AppContext } from "../../../app/context.ts";
import { translator } from "../../../i18n/index.ts";
import { currentOrgRecord } from "../../../services/org/current.ts";
import type { ListenerApp } from "../../router.ts";
import { allSubcommands, findSubcommand } from "./pbb-subcommands.ts";
import { registerStatusSubcommand } from "./status.ts";

export function registerPbbCommand(app: ListenerApp, ctx: AppContext): void {
  registerStatusSubcommand();
  app.command("/pbb", async ({ ack, command, respond }) => {
    await ack();
    const org = await currentOrgRecord(ctx.db);
    const locale = org?.locale ?? "zh-CN";
    const t = translator(locale);
    if (!org) {
      await respond({ response_type: "ephemeral", text: t("command.noOrg") });
      return;
    }
    const [name = "help", ...args] = command.text.trim().split(/\s+/).filter(Boolean);
    const subcommand = findSubcommand(name.toLowerCase());
    if (subcommand) {
      await subcommand.run({ ctx, command, args, locale, t, respond });
      return;
    }
    const lines = [
      ...(name.toLowerCase() === "help" ? [] : [t("command.unknown", { name })]),
      t("command.help.title"),
      t("command.help.line", { usage: "help", description: t("command.help.help") }),
      ...allSubcommands().map((s) =>
        t("command.help.line", { usage: s.usage, description: s.describe(t) }),
      ),
    ];
    await respond({ response_type: "ephemeral", text: lines.join("\n") });
  });
}
