/**
 * A practical project's buttons (Post progress, Ask for completion, Confirm completion, Send
 * back), its two modals, and replies in its thread. Values carry the project id; every right is
 * checked in the use case (four eyes for the confirmation).
 */
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type { ProjectView } from "../../../ports/service-list.ts";
import { loadServiceEnv } from "../../../services/service-list/env.ts";
import {
  type NameLeadError,
  nameLead,
  openNameLead,
} from "../../../services/service-list/leads.ts";
import { createNewProject } from "../../../services/service-list/new-project.ts";
import {
  confirmCompletion,
  openProgress,
  openSendBack,
  type ProjectOutcomeError,
  postProgress,
  recordProjectReply,
  requestCompletion,
  sendBack,
} from "../../../services/service-list/projects.ts";
import { SERVICE_ACTION, SERVICE_BLOCK, SERVICE_CALLBACK } from "../../ids/service-list.ts";
import { refusalOnField, replier, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildNameLeadModal,
  buildProgressModal,
  buildSendBackModal,
  newProjectErrors,
  readComment,
  readNewLead,
  readNewProject,
  readProgress,
  serviceListPresenter,
} from "../../views/service-list/index.ts";
import type { ThreadReplyHandler } from "../thread-replies.ts";
import { confirmInDm, showModal } from "./shared.ts";

type Button = BlockAction<ButtonAction>;

const projectErrorKey = (e: ProjectOutcomeError | NameLeadError): MessageKey =>
  `serviceList.error.${e}` as MessageKey;

const LINK = /^https?:\/\/[^\s<>|]+$/;

/** Refusals of the evidence files, shown on the file field. */
const FILE_ERRORS: ReadonlySet<string> = new Set(["file-too-large", "file-type", "too-many-files"]);

/** A reply in a project's thread: a progress note, its files evidence. */
export const projectThreadReply: ThreadReplyHandler = (ctx, reply) =>
  recordProjectReply(ctx, serviceListPresenter, reply);

export function registerProjects(app: ListenerApp, ctx: AppContext): void {
  const present = serviceListPresenter;

  app.view(SERVICE_CALLBACK.newProject, async ({ ack, body, view, client }) => {
    const result = await createNewProject(
      ctx,
      present,
      body.user.id,
      readNewProject(view.state.values as never),
    );
    if (!result.ok && result.error === "invalid") {
      const env = await loadServiceEnv(ctx);
      if (env)
        return ack({ response_action: "errors", errors: newProjectErrors(result.problems, env.t) });
    }
    if (!result.ok)
      return ack(
        await refusalOnField(
          ctx,
          SERVICE_BLOCK.projectTitle,
          projectErrorKey(result.error as never),
        ),
      );
    await ack();
    await confirmInDm(
      ctx,
      client,
      body.user.id,
      (t) => t("serviceList.newProject.created"),
      "the new project",
    );
  });

  const clicked = (
    actionId: string,
    act: (userId: string, projectId: number) => Promise<{ ok: boolean; error?: string }>,
  ) =>
    app.action<Button>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const reply = replier(ctx, viaResponseUrl(respond), projectErrorKey);
      const id = Number(action.value);
      if (!Number.isSafeInteger(id)) return reply.refuse("not-found");
      const result = await act(body.user.id, id).catch(reply.failed);
      if (result && !result.ok) await reply.refuse(result.error as ProjectOutcomeError);
    });

  clicked(SERVICE_ACTION.projectRequest, (userId, id) =>
    requestCompletion(ctx, present, userId, id),
  );
  clicked(SERVICE_ACTION.projectConfirm, (userId, id) =>
    confirmCompletion(ctx, present, userId, id),
  );
  const opens = (
    actionId: string,
    open: (
      deps: AppContext,
      userId: string,
      projectId: number,
    ) => Promise<
      | { ok: true; env: { t: Translator }; view: ProjectView }
      | { ok: false; error: ProjectOutcomeError }
    >,
    build: typeof buildProgressModal,
  ) =>
    app.action<Button>(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      const reply = replier(ctx, viaResponseUrl(respond), projectErrorKey);
      const opened = await open(ctx, body.user.id, Number(action.value));
      await showModal(client, body.trigger_id, reply, opened, (o, t) => build(o.view, t));
    });
  opens(SERVICE_ACTION.projectProgress, openProgress, buildProgressModal);
  opens(SERVICE_ACTION.projectSendBack, openSendBack, buildSendBackModal);
  opens(SERVICE_ACTION.projectNameLead, openNameLead, buildNameLeadModal);

  /** A project modal's submission: a refusal comes back on `blockId`, nothing changed. */
  const submits = <V>(
    callbackId: string,
    blockId: string,
    read: (values: never) => V,
    act: (
      userId: string,
      projectId: number,
      input: V,
    ) => Promise<{ ok: true } | { ok: false; error: ProjectOutcomeError | NameLeadError }>,
    check: (input: V) => MessageKey | null = () => null,
  ) =>
    app.view(callbackId, async ({ ack, body, view }) => {
      const input = read(view.state.values as never);
      const bad = check(input);
      if (bad) return ack(await refusalOnField(ctx, SERVICE_BLOCK.link, bad));
      const result = await act(body.user.id, Number(view.private_metadata), input);
      if (!result.ok) {
        const on = FILE_ERRORS.has(result.error) ? SERVICE_BLOCK.file : blockId;
        return ack(await refusalOnField(ctx, on, projectErrorKey(result.error)));
      }
      await ack();
    });

  submits(SERVICE_CALLBACK.nameLead, SERVICE_BLOCK.newLead, readNewLead, (userId, id, lead) =>
    nameLead(ctx, present, userId, id, lead),
  );
  submits(
    SERVICE_CALLBACK.progress,
    SERVICE_BLOCK.note,
    readProgress,
    (userId, id, input) => postProgress(ctx, present, userId, id, input),
    (input) => (input.link && !LINK.test(input.link) ? "serviceList.error.bad-link" : null),
  );
  submits(SERVICE_CALLBACK.sendBack, SERVICE_BLOCK.comment, readComment, (userId, id, comment) =>
    sendBack(ctx, present, userId, id, comment),
  );
}
