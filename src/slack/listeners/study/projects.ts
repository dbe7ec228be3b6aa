/**
 * Youth research projects' Slack listeners: New project, Next milestone done, Hand in result,
 * Accept and Send back (from a list, a DM, the committee channel or the Home), and their modals.
 * Values carry the project id; every right is checked in the use case.
 */
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { orgTranslator } from "../../../services/org/locale.ts";
import { parseId } from "../../../services/study/keys.ts";
import {
  completeMilestone,
  openProject,
  registerProject,
  reviewProjectResult,
  submitProjectResult,
} from "../../../services/study/projects.ts";
import { errorKey } from "../../../services/study/result.ts";
import { STUDY_ACTION, STUDY_BLOCK, STUDY_CALLBACK } from "../../ids/study.ts";
import { refusalOnField, replier, tellFor, viaDm } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildNewProjectModal,
  buildProjectResultModal,
  buildProjectReturnModal,
  NEW_PROJECT_FIELD,
  readNewProject,
  studyPresenter,
} from "../../views/study/index.ts";

type Button = BlockAction<ButtonAction>;

type ViewValues = Record<
  string,
  Record<
    string,
    { value?: string | null; selected_user?: string | null; selected_users?: string[] | null }
  >
>;

export function registerStudyProjects(app: ListenerApp, ctx: AppContext): void {
  const present = studyPresenter;

  app.action<Button>(STUDY_ACTION.openNewProject, async ({ ack, body, client }) => {
    await ack();
    const t = await orgTranslator(ctx.db);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildNewProjectModal(t, body.user.id),
    });
  });

  app.view(STUDY_CALLBACK.newProject, async ({ ack, body, view, client }) => {
    const t = await orgTranslator(ctx.db);
    const read = readNewProject(view.state.values as ViewValues, t);
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const result = await registerProject(ctx, present, {
      actor: body.user.id,
      ...read.value,
      source: STUDY_CALLBACK.newProject,
    });
    if (!result.ok) {
      const field = NEW_PROJECT_FIELD[result.error] ?? STUDY_BLOCK.projectName;
      return ack(await refusalOnField(ctx, field, errorKey(result.error)));
    }
    await ack();
    ctx.homes?.changed({ users: [body.user.id] });
    await viaDm(
      client,
      body.user.id,
    )(t("study.project.news.registered", { name: read.value.name })).catch((err: unknown) =>
      ctx.logger.warn({ err }, "could not confirm the new project"),
    );
  });

  app.action<Button>(STUDY_ACTION.milestoneDone, async ({ ack, body, action, respond }) => {
    await ack();
    const tell = tellFor(ctx, body, respond);
    const reply = replier(ctx, tell, errorKey);
    const projectId = parseId(action.value);
    if (projectId === null) return reply.refuse("not-found");
    const result = await completeMilestone(ctx, {
      projectId,
      userId: body.user.id,
      source: STUDY_ACTION.milestoneDone,
    }).catch(reply.failed);
    if (!result) return;
    if (!result.ok) return reply.refuse(result.error);
    ctx.homes?.changed({ users: [body.user.id] });
    const t = await orgTranslator(ctx.db);
    await tell(t("study.project.milestoneMarked", { title: result.title })).catch((err: unknown) =>
      ctx.logger.warn({ err }, "could not confirm the milestone"),
    );
  });

  app.action<Button>(STUDY_ACTION.projectAccept, async ({ ack, body, action, respond }) => {
    await ack();
    const tell = tellFor(ctx, body, respond);
    const reply = replier(ctx, tell, errorKey);
    const projectId = parseId(action.value);
    if (projectId === null) return reply.refuse("not-found");
    const opened = await openProject(ctx, { projectId, userId: body.user.id, purpose: "return" });
    if (!opened.ok) return reply.refuse(opened.error);
    const result = await reviewProjectResult(ctx, present, {
      projectId,
      userId: body.user.id,
      decision: "accept",
      comment: "",
      source: STUDY_ACTION.projectAccept,
    }).catch(reply.failed);
    if (!result) return;
    if (!result.ok) return reply.refuse(result.error);
    await tell(opened.env.t("study.project.reviewed.accept", { name: opened.project.name })).catch(
      (err: unknown) => ctx.logger.warn({ err }, "could not confirm the review"),
    );
  });

  for (const [actionId, purpose] of [
    [STUDY_ACTION.openProjectResult, "submit"],
    [STUDY_ACTION.openProjectReturn, "return"],
  ] as const) {
    app.action<Button>(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      const reply = replier(ctx, tellFor(ctx, body, respond), errorKey);
      const projectId = parseId(action.value);
      if (projectId === null) return reply.refuse("not-found");
      const opened = await openProject(ctx, { projectId, userId: body.user.id, purpose });
      if (!opened.ok) return reply.refuse(opened.error);
      const build = purpose === "submit" ? buildProjectResultModal : buildProjectReturnModal;
      await client.views.open({
        trigger_id: body.trigger_id,
        view: build(opened.project, opened.env.t),
      });
    });
  }

  app.view(STUDY_CALLBACK.projectResult, async ({ ack, body, view, client }) => {
    const projectId = parseId(view.private_metadata);
    const values = view.state.values as ViewValues;
    const link = values[STUDY_BLOCK.resultLink]?.[STUDY_ACTION.resultLink]?.value ?? "";
    const summary = values[STUDY_BLOCK.resultSummary]?.[STUDY_ACTION.resultSummary]?.value ?? "";
    if (projectId === null)
      return ack(await refusalOnField(ctx, STUDY_BLOCK.resultLink, errorKey("not-found")));
    const result = await submitProjectResult(ctx, present, {
      projectId,
      userId: body.user.id,
      link,
      summary,
      source: STUDY_CALLBACK.projectResult,
    });
    if (!result.ok) {
      const field =
        result.error === "result-incomplete" && summary.trim() !== ""
          ? STUDY_BLOCK.resultLink
          : result.error === "result-incomplete"
            ? STUDY_BLOCK.resultSummary
            : STUDY_BLOCK.resultLink;
      return ack(await refusalOnField(ctx, field, errorKey(result.error)));
    }
    await ack();
    const t = await orgTranslator(ctx.db);
    await viaDm(
      client,
      body.user.id,
    )(t("study.project.submitted", { name: result.name })).catch((err: unknown) =>
      ctx.logger.warn({ err }, "could not confirm the result"),
    );
  });

  app.view(STUDY_CALLBACK.projectReturn, async ({ ack, body, view, client }) => {
    const projectId = parseId(view.private_metadata);
    const values = view.state.values as ViewValues;
    const comment = values[STUDY_BLOCK.reviewComment]?.[STUDY_ACTION.reviewComment]?.value ?? "";
    if (projectId === null)
      return ack(await refusalOnField(ctx, STUDY_BLOCK.reviewComment, errorKey("not-found")));
    const result = await reviewProjectResult(ctx, present, {
      projectId,
      userId: body.user.id,
      decision: "return",
      comment,
      source: STUDY_CALLBACK.projectReturn,
    });
    if (!result.ok)
      return ack(await refusalOnField(ctx, STUDY_BLOCK.reviewComment, errorKey(result.error)));
    await ack();
    const t = await orgTranslator(ctx.db);
    await viaDm(
      client,
      body.user.id,
    )(t("study.project.reviewed.return", { name: result.name })).catch((err: unknown) =>
      ctx.logger.warn({ err }, "could not confirm the review"),
    );
  });
}
