/**
 * `/pbb study`: the coming sessions and the person's own record this year, with a button to
 * schedule a session (system admins and branch secretaries); `/pbb study new` opens that modal.
 */

import { listProjects } from "../../../services/study/projects.ts";
import { errorKey } from "../../../services/study/result.ts";
import { openNewSession } from "../../../services/study/schedule.ts";
import { studySummary } from "../../../services/study/summary.ts";
import {
  buildNewProjectModal,
  buildNewSessionModal,
  buildProjectList,
  buildStudySummary,
} from "../../views/study/index.ts";
import { answerWith, openModalWith, type Subcommand } from "../commands/pbb-subcommands.ts";

export const studySubcommand: Subcommand = {
  name: "study",
  usage: "study [new | projects [new]]",
  describe: (t) => t("study.command.describe"),
  async run(a) {
    const { ctx, command, args, t, respond } = a;
    const sub = args[0]?.toLowerCase();
    if (sub === "new") {
      const opened = await openNewSession(ctx, command.user_id);
      return openModalWith(a, opened, errorKey, (o) => buildNewSessionModal(o.form, o.env.t));
    }
    if (sub === "projects" || sub === "project") {
      if (args[1]?.toLowerCase() === "new") {
        await ctx.client.views.open({
          trigger_id: command.trigger_id,
          view: buildNewProjectModal(t, command.user_id),
        });
        return;
      }
      const year = args[1] && /^\d{4}$/.test(args[1]) ? Number(args[1]) : undefined;
      const listed = await listProjects(ctx, {
        userId: command.user_id,
        ...(year ? { year } : {}),
      });
      return answerWith(a, listed, errorKey, (l) => buildProjectList(l.view, l.env.t));
    }
    if (sub !== undefined) {
      await respond({ response_type: "ephemeral", text: t("study.command.usage") });
      return;
    }
    const shown = await studySummary(ctx, command.user_id);
    await answerWith(a, shown, errorKey, (s) => buildStudySummary(s.view, s.env.t));
  },
};
