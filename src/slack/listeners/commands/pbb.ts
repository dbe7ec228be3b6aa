import type { AppContext } from "../../../app/context.ts";
import { translator } from "../../../i18n/index.ts";
import { currentOrgRecord } from "../../../services/org/current.ts";
import type { ListenerApp } from "../../router.ts";
import type { Subcommand } from "./pbb-subcommands.ts";

/** `/pbb`: routes to the features' subcommands (in the features' order in the help). */
export function registerPbbCommand(
  app: ListenerApp,
  ctx: AppContext,
  subcommands: readonly Subcommand[],
): void {
  const byName = new Map(subcommands.map((s) => [s.name, s] as const));
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
    const subcommand = byName.get(name.toLowerCase());
    if (subcommand) {
      await subcommand.run({ ctx, command, args, locale, t, respond });
      return;
    }
    const lines = [
      ...(name.toLowerCase() === "help" ? [] : [t("command.unknown", { name })]),
      t("command.help.title"),
      t("command.help.line", { usage: "help", description: t("command.help.help") }),
      ...subcommands.map((s) =>
        t("command.help.line", { usage: s.usage, description: s.describe(t) }),
      ),
    ];
    await respond({ response_type: "ephemeral", text: lines.join("\n") });
  });
}
