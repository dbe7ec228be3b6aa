/**
 * `/pbb service`: the member's registration and own reports with Report / Register buttons (and
 * the branch reports for a secretary or the committee); `/pbb service register|report|reports`.
 */
import type { MessageKey } from "../../../i18n/index.ts";
import { serviceErrorKey } from "../../../services/service-list/env.ts";
import { openRegister, openReport } from "../../../services/service-list/forms.ts";
import { openNewProject, projectBoard } from "../../../services/service-list/new-project.ts";
import { reportsForSecretary } from "../../../services/service-list/query.ts";
import { myService } from "../../../services/service-list/summary.ts";
import { refusalText } from "../../reply.ts";
import {
  buildBranchReports,
  buildMyService,
  buildNewProjectModal,
  buildProjectBoard,
  buildRegisterModal,
  buildReportModal,
} from "../../views/service-list/index.ts";
import type { Subcommand } from "../commands/pbb-subcommands.ts";

export const serviceSubcommand: Subcommand = {
  name: "service",
  usage: "service [register|report|reports]",
  describe: (t) => t("serviceList.command.describe"),
  async run({ ctx, command, args, t, respond }) {
    const sub = args[0]?.toLowerCase();
    const user = command.user_id;
    const refuse = async (error: Parameters<typeof serviceErrorKey>[0]) =>
      respond({ response_type: "ephemeral", text: await refusalText(ctx, serviceErrorKey(error)) });
    if (sub === "register" || sub === "report") {
      const opened =
        sub === "register" ? await openRegister(ctx, user) : await openReport(ctx, user);
      if (!opened.ok) return void (await refuse(opened.error));
      await ctx.client.views.open({
        trigger_id: command.trigger_id,
        view:
          sub === "register"
            ? buildRegisterModal(opened.form as never, opened.env.t)
            : buildReportModal(opened.form as never, opened.env.t),
      });
      return;
    }
    if (sub === "reports") {
      const shown = await reportsForSecretary(ctx, user);
      if (!shown.ok) return void (await refuse(shown.error));
      await respond({ response_type: "ephemeral", ...buildBranchReports(shown.view, shown.env.t) });
      return;
    }
    if (sub !== undefined) {
      await respond({ response_type: "ephemeral", text: t("serviceList.command.usage") });
      return;
    }
    const shown = await myService(ctx, user);
    if (!shown.ok) return void (await refuse(shown.error));
    await respond({ response_type: "ephemeral", ...buildMyService(shown.view, shown.env.t) });
  },
};

/** `/pbb project new` (committee admins: the modal) and `/pbb project board [year]`. */
export const projectSubcommand: Subcommand = {
  name: "project",
  usage: "project new|board [year]",
  describe: (t) => t("serviceList.project.command.describe"),
  async run({ ctx, command, args, t, respond }) {
    const sub = args[0]?.toLowerCase();
    const refuse = async (error: Parameters<typeof serviceErrorKey>[0] | "not-admin") =>
      respond({
        response_type: "ephemeral",
        text: await refusalText(ctx, `serviceList.error.${error}` as MessageKey),
      });
    if (sub === "new") {
      const opened = await openNewProject(ctx, command.user_id);
      if (!opened.ok) return void (await refuse(opened.error === "busy" ? "busy" : opened.error));
      await ctx.client.views.open({
        trigger_id: command.trigger_id,
        view: buildNewProjectModal(opened.form, opened.env.t),
      });
      return;
    }
    const year = args[1] === undefined ? null : Number(args[1]);
    if (
      sub !== "board" ||
      (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    ) {
      await respond({ response_type: "ephemeral", text: t("serviceList.project.command.usage") });
      return;
    }
    const shown = await projectBoard(ctx, year);
    if (!shown.ok) return void (await refuse(shown.error));
    await respond({ response_type: "ephemeral", ...buildProjectBoard(shown.view, shown.env.t) });
  },
};
