import { periodParts } from "../../../domain/period.ts";
import { currentOrgRecord } from "../../../services/org/current.ts";
import { monthStatus } from "../../../services/status/month-status.ts";
import { esc } from "../../views/tasklist/format.ts";
import type { Subcommand } from "./pbb-subcommands.ts";

const STATES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] as const;
/** Naming every branch would flood the answer of a large committee: name a few. */
const NAMED = 8;

const names = (list: string[]) =>
  list.length === 0
    ? ""
    : ` (${list.slice(0, NAMED).map(esc).join(", ")}${list.length > NAMED ? ", …" : ""})`;

/** `/pbb status`: the month's lists by state, and who is late. */
export const statusSubcommand: Subcommand = {
  name: "status",
  usage: "status",
  describe: (t) => t("status.describe"),
  async run({ ctx, t, respond, locale }) {
    const org = await currentOrgRecord(ctx.db);
    if (!org) return;
    const status = await monthStatus(ctx.db, org.timezone, ctx.now());
    const { year, month } = periodParts(status.period);
    const label =
      locale === "zh-CN" ? `${year}年${month}月` : `${year}-${String(month).padStart(2, "0")}`;
    const lines =
      status.branches === 0
        ? [t("status.none")]
        : [
            t("status.title", { month: label, branches: status.branches }),
            ...STATES.map((state) =>
              t("status.line", {
                state: t(`tasklist.state.${state}`),
                count: status.byState[state].length,
                names: names(status.byState[state]),
              }),
            ),
            t("status.overdue", { count: status.overdue.length, names: names(status.overdue) }),
          ];
    await respond({ response_type: "ephemeral", text: lines.join("\n") });
  },
};
