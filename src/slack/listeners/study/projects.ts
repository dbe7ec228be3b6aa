/**
 * Youth research projects' Slack listeners: New project, Next milestone done, Hand in result,
 * Accept and Send back (from a list, a DM, the committee channel or the Home), and their modals.
 * Values carry the project id; every right is checked in the use case.
 */
import type { WebClient } from "@slack/web-api";
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
import { errorKey, type StudyError } from "../../../services/study/result.ts";
import { STUDY_ACTION, STUDY_BLOCK, STUDY_CALLBACK } from "../../ids/study.ts";
import { refusalOnField, type Tell, tellFor, viaDm } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildNewProjectModal,
  buildProjectResultModal,
  buildProjectReturnModal,
  NEW_PROJECT_FIELD,
  readNewProject,
  studyPresenter,
} from "../../views/study/index.ts";
import { type Button, type ButtonKind, buttons } from "../buttons.ts";

type ViewValues = Record<
  string,
  Record<
    string,
    { value?: string | null; selected_user?: string | null; selected_users?: string[] | null }
  >
>;

/** The study's buttons name one session, draw or project by its id. */
export const STUDY_BUTTON: ButtonKind<StudyError, number> = {
  parse: parseId,
  invalid: "not-found",
  errorKey,
};

/** What was typed in a project modal's text field ("" when nothing). */
const typed = (
  view: { state: { values: unknown } },
  field: "resultLink" | "resultSummary" | "reviewComment",
): string =>
  (view.state.values as ViewValues)[STUDY_BLOCK[field]]?.[STUDY_ACTION[field]]?.value ?? "";

export function registerStudyProjects(app: ListenerApp, ctx: AppContext): void {
  const present = studyPresenter;
  /** A confirmation the person may miss (the change is made): a failure to tell is logged. */
  const confirm = (tell: Tell, text: string, what: string) =>
    tell(text).catch((err: unknown) => ctx.logger.warn({ err }, `could not confirm the ${what}`));
  /** After the ack: the DM names the project the result was handed in or sent back for. */
  const confirmInDm = async (
    client: WebClient,
    userId: string,
    key: "study.project.submitted" | "study.project.reviewed.return",
    name: string,
    what: string,
  ) => confirm(viaDm(client, userId), (await orgTranslator(ctx.db))(key, { name }), what);

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
    const dm = viaDm(client, body.user.id);
    await confirm(dm, t("study.project.news.registered", { name: read.value.name }), "new project");
  });

  const project = buttons(app, ctx, {
    ...STUDY_BUTTON,
    tell: (_ctx, { body, respond }) => tellFor(ctx, body, respond),
  });

  project(STUDY_ACTION.milestoneDone, async ({ ref, userId, reply, tell }) => {
    const result = await completeMilestone(ctx, {
      projectId: ref,
      userId,
      source: STUDY_ACTION.milestoneDone,
    }).catch(reply.failed);
    if (!result) return;
    if (!result.ok) return reply.refuse(result.error);
    ctx.homes?.changed({ users: [userId] });
    const t = await orgTranslator(ctx.db);
    await confirm(tell, t("study.project.milestoneMarked", { title: result.title }), "milestone");
  });

  project(STUDY_ACTION.projectAccept, async ({ ref, userId, reply, tell }) => {
    const opened = await openProject(ctx, { projectId: ref, userId, purpose: "return" });
    if (!opened.ok) return reply.refuse(opened.error);
    const result = await reviewProjectResult(ctx, present, {
      projectId: ref,
      userId,
      decision: "accept",
      comment: "",
      source: STUDY_ACTION.projectAccept,
    }).catch(reply.failed);
    if (!result) return;
    if (!result.ok) return reply.refuse(result.error);
    const { name } = opened.project;
    await confirm(tell, opened.env.t("study.project.reviewed.accept", { name }), "review");
  });

  for (const [actionId, purpose] of [
    [STUDY_ACTION.openProjectResult, "submit"],
    [STUDY_ACTION.openProjectReturn, "return"],
  ] as const) {
    project(actionId, async ({ ref, userId, reply }, { body, client }) => {
      const opened = await openProject(ctx, { projectId: ref, userId, purpose });
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
    const [link, summary] = [typed(view, "resultLink"), typed(view, "resultSummary")];
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
    await confirmInDm(client, body.user.id, "study.project.submitted", result.name, "result");
  });

  app.view(STUDY_CALLBACK.projectReturn, async ({ ack, body, view, client }) => {
    const projectId = parseId(view.private_metadata);
    const comment = typed(view, "reviewComment");
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
    await confirmInDm(client, body.user.id, "study.project.reviewed.return", result.name, "review");
  });
}
