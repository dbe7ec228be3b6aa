/**
 * The service list's Slack listeners: the Register / Report buttons (from `/pbb service`, the
 * nudge DM and the Home), the modals' submissions, a secretary's branch reports and Query, and
 * the member's replies in a query's thread. Every right is checked in the use case.
 */
import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../app/context.ts";
import type { Translator } from "../../../i18n/index.ts";
import {
  loadServiceEnv,
  type ServiceError,
  serviceErrorKey,
} from "../../../services/service-list/env.ts";
import { openRegister, openReport } from "../../../services/service-list/forms.ts";
import {
  openQuery,
  recordQueryAnswer,
  reportsForSecretary,
  sendQuery,
} from "../../../services/service-list/query.ts";
import { registerCommunity, submitServiceReport } from "../../../services/service-list/register.ts";
import { SERVICE_ACTION, SERVICE_BLOCK, SERVICE_CALLBACK } from "../../ids/service-list.ts";
import { refusalOnField, replier, type Tell, viaDm, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildBranchReports,
  buildQueryModal,
  buildRegisterModal,
  buildReportModal,
  readCommunity,
  readQuestion,
  readReport,
  reportErrors,
  serviceListPresenter,
} from "../../views/service-list/index.ts";
import type { ThreadReplyHandler } from "../thread-replies.ts";
import { registerProjects } from "./projects.ts";
import { confirmInDm, showModal } from "./shared.ts";

type Button = BlockAction<ButtonAction>;

/** A message's button answers on its response_url; a Home's (none) in the DM. */
const tellFor = (client: WebClient, userId: string, respond: RespondFn | undefined): Tell =>
  respond ? viaResponseUrl(respond) : viaDm(client, userId);

/** The member's answer in a query's thread, recorded on the report. */
export const serviceThreadReply: ThreadReplyHandler = (ctx, reply) => recordQueryAnswer(ctx, reply);

export function registerServiceList(app: ListenerApp, ctx: AppContext): void {
  const present = serviceListPresenter;
  registerProjects(app, ctx);

  /** A button opening one of the member's modals, once the use case lets them. */
  const opens = <F>(
    actionId: string,
    open: (
      deps: AppContext,
      userId: string,
    ) => Promise<
      { ok: true; form: F; env: { t: Translator } } | { ok: false; error: ServiceError }
    >,
    build: (form: F, t: Translator) => ModalView,
  ) =>
    app.action<Button>(actionId, async ({ ack, body, client, respond }) => {
      await ack();
      const reply = replier(ctx, tellFor(client, body.user.id, respond), serviceErrorKey);
      await showModal(client, body.trigger_id, reply, await open(ctx, body.user.id), (o, t) =>
        build(o.form, t),
      );
    });
  opens(SERVICE_ACTION.openRegister, openRegister, buildRegisterModal);
  opens(SERVICE_ACTION.openReport, openReport, buildReportModal);

  app.action<Button>(SERVICE_ACTION.branchReports, async ({ ack, body, client, respond }) => {
    await ack();
    const tell = tellFor(client, body.user.id, respond);
    const reply = replier(ctx, tell, serviceErrorKey);
    const shown = await reportsForSecretary(ctx, body.user.id);
    if (!shown.ok) return reply.refuse(shown.error);
    const message = buildBranchReports(shown.view, shown.env.t);
    if (respond) await respond({ response_type: "ephemeral", replace_original: false, ...message });
    else await tell(message.text);
  });

  app.action<Button>(SERVICE_ACTION.openQuery, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = replier(ctx, tellFor(client, body.user.id, respond), serviceErrorKey);
    const id = Number(action.value);
    if (!Number.isSafeInteger(id)) return reply.refuse("not-found");
    const opened = await openQuery(ctx, body.user.id, id);
    if (!opened.ok) return reply.refuse(opened.error);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildQueryModal(opened.form, opened.env.t),
    });
  });

  app.view(SERVICE_CALLBACK.register, async ({ ack, body, view, client }) => {
    const env = await loadServiceEnv(ctx);
    if (!env)
      return ack(await refusalOnField(ctx, SERVICE_BLOCK.community, serviceErrorKey("no-org")));
    const done = await registerCommunity(
      env,
      body.user.id,
      readCommunity(view.state.values as never),
    );
    if (!done.ok)
      return ack(await refusalOnField(ctx, SERVICE_BLOCK.community, serviceErrorKey(done.error)));
    await ack();
    await confirmInDm(
      ctx,
      client,
      body.user.id,
      (t) => t("serviceList.registered.text", { community: done.community }),
      "the registration",
    );
  });

  app.view(SERVICE_CALLBACK.report, async ({ ack, body, view }) => {
    const env = await loadServiceEnv(ctx);
    if (!env) return ack(await refusalOnField(ctx, SERVICE_BLOCK.what, serviceErrorKey("no-org")));
    const result = await submitServiceReport(
      env,
      present,
      body.user.id,
      readReport(view.state.values as never),
    );
    if (result.ok) {
      await ack();
      ctx.homes.changed({ users: [body.user.id] });
      return;
    }
    if (result.error === "invalid")
      return ack({ response_action: "errors", errors: reportErrors(result.problems, env.t) });
    return ack(await refusalOnField(ctx, SERVICE_BLOCK.what, serviceErrorKey(result.error)));
  });

  app.view(SERVICE_CALLBACK.query, async ({ ack, body, view, client }) => {
    const id = Number(view.private_metadata);
    const result = await sendQuery(
      ctx,
      present,
      body.user.id,
      id,
      readQuestion(view.state.values as never),
    );
    if (!result.ok)
      return ack(await refusalOnField(ctx, SERVICE_BLOCK.question, serviceErrorKey(result.error)));
    await ack();
    await confirmInDm(
      ctx,
      client,
      body.user.id,
      (t) => t("serviceList.query.sent", { member: `<@${result.memberId}>` }),
      "the query",
    );
  });
}
