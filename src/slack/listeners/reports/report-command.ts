/**
 * `/pbb report [tasklists|lectures] month|quarter|year [period]`: committee members and admins
 * get the report's .xlsx and .csv in their DM with the bot (through the outbox) and an ephemeral
 * confirmation; others are told why not. The reports are the features' (AppContext.reports).
 */

import { formatReportPeriod } from "../../../i18n/dates.ts";
import { committeeRoles, currentOrgRecord } from "../../../services/org/current.ts";
import { parseReportArgs } from "../../../services/reports/command-args.ts";
import { sendReport } from "../../../services/reports/send-report.ts";
import { reportDoneText, reportUsageText } from "../../views/reports/command.ts";
import type { Subcommand } from "../commands/pbb-subcommands.ts";

const slackError = (error: unknown): string =>
  (error as { data?: { error?: string } }).data?.error ?? String(error);

export const reportSubcommand: Subcommand = {
  name: "report",
  usage: "report [tasklists|lectures] month|quarter|year [period]",
  describe: (t) => t("reports.command.describe"),
  async run({ ctx, command, args, t, respond }) {
    const say = async (text: string) => {
      await respond({ response_type: "ephemeral", text });
    };
    const roles = await committeeRoles(ctx.db, command.user_id);
    if (!roles.member && !roles.admin) return say(t("reports.command.notCommittee"));
    const org = await currentOrgRecord(ctx.db);
    const kinds = ctx.reports.map((r) => r.kind);
    const parsed = parseReportArgs(args, ctx.now(), org?.timezone ?? "UTC", kinds);
    if (!parsed.ok) return say(reportUsageText(parsed, t));
    const definition = ctx.reports.find((r) => r.kind === parsed.report);
    if (!definition) {
      const problem = {
        problem: "reports.command.badKind" as const,
        params: { kind: parsed.report },
      };
      return say(reportUsageText(problem, t));
    }
    const period = parsed.period.key;
    try {
      const deps = { db: ctx.db, now: ctx.now };
      const sent = await sendReport(deps, command.user_id, parsed.period, definition);
      if (!sent.ok) return say(t("reports.command.notCommittee"));
      return say(reportDoneText(period, sent.names, t));
    } catch (error) {
      ctx.logger.error({ err: error, period }, "report delivery failed");
      return say(
        t("reports.command.failed", {
          period: formatReportPeriod(period, t),
          error: slackError(error),
        }),
      );
    }
  },
};
