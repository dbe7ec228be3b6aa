/**
 * `/pbb assessment`: the latest year's ranking (or the year named), `help`, and the modals:
 * `score [BRANCH]` (committee members), `remark` / `contest` (a branch's secretary, within the
 * window), `answer ID` (the committee), `finalize` (the chair). Each checked by its service.
 */

import { errorKey } from "../../../services/assessment/actions.ts";
import { loadYearView } from "../../../services/assessment/cards.ts";
import { latestYear } from "../../../services/assessment/forms.ts";
import { refusalText, viaResponseUrl } from "../../reply.ts";
import type { Subcommand } from "../commands/pbb-subcommands.ts";
import { assessmentEnv, openAssessmentModal, openers } from "./index.ts";

export const assessmentSubcommand: Subcommand = {
  name: "assessment",
  usage: "assessment [year | score [branch] | remark | contest | answer ID | finalize | help]",
  describe: (t) => t("assessment.command.describe"),
  async run({ ctx, command, args, t, respond }) {
    const sub = args[0]?.toLowerCase();
    const open = openers(ctx, command.user_id);
    const tell = viaResponseUrl(respond);
    const modal = (opener: Parameters<typeof openAssessmentModal>[3]) =>
      openAssessmentModal(ctx, command.trigger_id, tell, opener);
    if (sub === "score") return modal(open.score(args[1]?.toLowerCase()));
    if (sub === "remark" || sub === "contest") return modal(open.remark(sub));
    if (sub === "finalize") return modal(open.finalize());
    if (sub === "answer" && /^\d{1,9}$/.test(args[1] ?? "")) {
      return modal(open.answer(Number(args[1])));
    }
    if (sub !== undefined && !/^\d{4}$/.test(sub)) {
      await respond({ response_type: "ephemeral", text: t("assessment.command.usage") });
      return;
    }
    const year = sub ? Number(sub) : await latestYear(ctx);
    const view = year === null ? null : await loadYearView(ctx.db, year);
    if (!view) {
      await respond({
        response_type: "ephemeral",
        text: await refusalText(ctx, errorKey("no-year")),
      });
      return;
    }
    const env = await assessmentEnv(ctx);
    const summary = env.presenter.summary(view);
    await respond({
      response_type: "ephemeral",
      text: summary.text,
      blocks: summary.blocks as never,
    });
  },
};
