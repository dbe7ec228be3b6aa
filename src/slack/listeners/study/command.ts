/**
 * `/pbb study`: the coming sessions and the person's own record this year, with a button to
 * schedule a session (system admins and branch secretaries); `/pbb study new` opens that modal.
 */

import { listProjects } from "../../../services/study/projects.ts";
import { errorKey } from "../../../services/study/result.ts";
import { openNewSession } from "../../../services/study/schedule.ts";
import { studySummary } from "../../../services/study/summary.ts";
import { refusalText } from "../../reply.ts";
import {
  buildNewProjectModal,
  buildNewSessionModal,
  buildProjectList,
  buildStudySummary,
} from "../../views/study/index.ts";
import type { Subcommand } from "../commands/pbb-subcommands.ts";

export const studySubcommand: Subcommand = {
  name: "study",
  usage: "study [new | projects [new]]",
  describe: (t) => t("study.command.describe"),
  async run({ ctx, command, args, t, respond }) {
    const sub = args[0]?.toLowerCase();
    if (sub === "new") {
      const opened = await openNewSession(ctx, command.user_id);
      if (!opened.ok) {
        await respond({
          response_type: "ephemeral",
          text: await refusalText(ctx, errorKey(opened.error)),
        });
        return;
      }
      await ctx.client.views.open({
        trigger_id: command.trigger_id,
        view: buildNewSessionModal(opened.form, opened.env.t),
      });
      return;
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
      const message = listed.ok
        ? buildProjectList(listed.view, listed.env.t)
        : { text: await refusalText(ctx, errorKey(listed.error)) };
      await respond({ response_type: "ephemeral", ...message });
      return;
    }
    if (sub !== undefined) {
      await respond({ response_type: "ephemeral", text: t("study.command.usage") });
      return;
    }
    const shown = await studySummary(ctx, command.user_id);
    const message = shown.ok
      ? buildStudySummary(shown.view, shown.env.t)
      : { text: await refusalText(ctx, errorKey(shown.error)) };
    await respond({ response_type: "ephemeral", ...message });
  },
};
