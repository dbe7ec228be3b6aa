/**
 * Normalized study's Slack listeners: the invitation's Confirm / Excuse, the notice's Draw a
 * speaker and Record attendance, a draw's Spoke / Absent, the make-up button, and the modals.
 * Values carry one id; every right is checked in the use case, from the database.
 */
import type { View } from "@slack/types";
import type { AppContext } from "../../../app/context.ts";
import type { Translator } from "../../../i18n/index.ts";
import { orgTranslator } from "../../../services/org/locale.ts";
import { openAttendance, recordAttendance } from "../../../services/study/attendance.ts";
import { drawNextSpeaker, settleDraw } from "../../../services/study/draw.ts";
import { parseId } from "../../../services/study/keys.ts";
import { openMakeUp, submitMakeUp } from "../../../services/study/makeup.ts";
import { answerInvite, openExcuse } from "../../../services/study/respond.ts";
import { errorKey, type Result, type StudyError } from "../../../services/study/result.ts";
import { openNewSession, scheduleSession } from "../../../services/study/schedule.ts";
import { STUDY_ACTION, STUDY_BLOCK, STUDY_CALLBACK } from "../../ids/study.ts";
import { refusalOnField, replier, viaDm, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildAttendanceModal,
  buildExcuseModal,
  buildMakeUpModal,
  buildNewSessionModal,
  NEW_SESSION_FIELD,
  nobodyDueMessage,
  readNewSession,
  studyPresenter,
} from "../../views/study/index.ts";
import { type Button, buttons, registerIdButton } from "../buttons.ts";
import { registerStudyProjects, STUDY_BUTTON } from "./projects.ts";

/** A button that opens a modal for the session its value names, or says why not. */
function modalButton<F>(
  app: ListenerApp,
  ctx: AppContext,
  actionId: string,
  open: (req: {
    sessionId: number;
    userId: string;
  }) => Promise<Result<{ form: F; env: { t: Translator } }>>,
  build: (form: F, t: Translator) => View,
) {
  buttons(
    app,
    ctx,
    STUDY_BUTTON,
  )(actionId, async ({ ref, userId, reply }, { body, client }) => {
    const opened = await open({ sessionId: ref, userId });
    if (!opened.ok) return reply.refuse(opened.error);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: build(opened.form, opened.env.t),
    });
  });
}

const value = (
  view: {
    state: {
      values: Record<
        string,
        Record<string, { value?: string | null; selected_users?: string[] | null }>
      >;
    };
  },
  block: string,
  action: string,
) => view.state.values[block]?.[action];

export function registerStudy(app: ListenerApp, ctx: AppContext): void {
  const present = studyPresenter;
  registerStudyProjects(app, ctx);

  registerIdButton(app, ctx, STUDY_BUTTON, STUDY_ACTION.confirm, (sessionId, userId) =>
    answerInvite(ctx, present, { sessionId, userId, answer: "confirmed" }),
  );
  for (const actionId of [STUDY_ACTION.draw, STUDY_ACTION.drawOutOfTurn]) {
    buttons(
      app,
      ctx,
      STUDY_BUTTON,
    )(actionId, async ({ ref, userId, reply }, { respond }) => {
      const result = await drawNextSpeaker(ctx, present, {
        sessionId: ref,
        userId,
        source: actionId,
        outOfTurn: actionId === STUDY_ACTION.drawOutOfTurn,
      }).catch(reply.failed);
      if (!result || result.ok) return;
      if ("owed" in result) {
        const t = await orgTranslator(ctx.db);
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          ...nobodyDueMessage(result, t),
        }).catch((err: unknown) => ctx.logger.warn({ err }, "could not offer a draw out of turn"));
        return;
      }
      await reply.refuse(result.error);
    });
  }
  registerIdButton(app, ctx, STUDY_BUTTON, STUDY_ACTION.drawSpoke, (drawId, userId) =>
    settleDraw(ctx, present, { drawId, userId, outcome: "spoke", source: STUDY_ACTION.drawSpoke }),
  );
  registerIdButton(app, ctx, STUDY_BUTTON, STUDY_ACTION.drawAbsent, (drawId, userId) =>
    settleDraw(ctx, present, {
      drawId,
      userId,
      outcome: "absent",
      source: STUDY_ACTION.drawAbsent,
    }),
  );
  modalButton(app, ctx, STUDY_ACTION.openExcuse, (r) => openExcuse(ctx, r), buildExcuseModal);
  modalButton(
    app,
    ctx,
    STUDY_ACTION.openAttendance,
    (r) => openAttendance(ctx, r),
    buildAttendanceModal,
  );
  modalButton(app, ctx, STUDY_ACTION.openMakeUp, (r) => openMakeUp(ctx, r), buildMakeUpModal);

  app.action<Button>(STUDY_ACTION.openNew, async ({ ack, body, client, respond }) => {
    await ack();
    const reply = replier(ctx, viaResponseUrl(respond), errorKey);
    const opened = await openNewSession(ctx, body.user.id);
    if (!opened.ok) return reply.refuse(opened.error);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildNewSessionModal(opened.form, opened.env.t),
    });
  });

  app.view(STUDY_CALLBACK.newSession, async ({ ack, body, view, client }) => {
    const opened = await openNewSession(ctx, body.user.id);
    if (!opened.ok)
      return ack(await refusalOnField(ctx, STUDY_BLOCK.topic, errorKey(opened.error)));
    const read = readNewSession(view.state.values as never, opened.env.t);
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const result = await scheduleSession(ctx, present, {
      actor: body.user.id,
      ...read.value,
      minutes: null,
      source: STUDY_CALLBACK.newSession,
    });
    if (!result.ok) {
      const field = NEW_SESSION_FIELD[result.error] ?? STUDY_BLOCK.topic;
      return ack(await refusalOnField(ctx, field, errorKey(result.error)));
    }
    await ack();
    await viaDm(
      client,
      body.user.id,
    )(opened.env.t("study.new.done", { topic: read.value.topic })).catch((err: unknown) =>
      ctx.logger.warn({ err }, "could not confirm the new session"),
    );
  });

  const sessionModal = (
    callbackId: string,
    block: string,
    submit: (
      sessionId: number,
      userId: string,
      view: Parameters<typeof value>[0],
    ) => Promise<Result<object> | { ok: false; error: "field"; errors: Record<string, string> }>,
  ) =>
    app.view(callbackId, async ({ ack, body, view }) => {
      const sessionId = parseId(view.private_metadata);
      if (sessionId === null) return ack(await refusalOnField(ctx, block, errorKey("not-found")));
      const result = await submit(sessionId, body.user.id, view as never);
      if (result.ok) return ack();
      if (result.error === "field")
        return ack({ response_action: "errors", errors: result.errors });
      return ack(await refusalOnField(ctx, block, errorKey(result.error as StudyError)));
    });

  sessionModal(STUDY_CALLBACK.excuse, STUDY_BLOCK.reason, (sessionId, userId, view) =>
    answerInvite(ctx, present, {
      sessionId,
      userId,
      answer: "excused",
      reason: value(view, STUDY_BLOCK.reason, STUDY_ACTION.reason)?.value ?? "",
    }),
  );
  sessionModal(STUDY_CALLBACK.makeUp, STUDY_BLOCK.note, (sessionId, userId, view) =>
    submitMakeUp(ctx, present, {
      sessionId,
      userId,
      note: value(view, STUDY_BLOCK.note, STUDY_ACTION.note)?.value ?? "",
    }),
  );
  sessionModal(STUDY_CALLBACK.attendance, STUDY_BLOCK.present, async (sessionId, userId, view) => {
    const result = await recordAttendance(ctx, present, {
      sessionId,
      userId,
      present: value(view, STUDY_BLOCK.present, STUDY_ACTION.present)?.selected_users ?? [],
      excused: value(view, STUDY_BLOCK.excused, STUDY_ACTION.excused)?.selected_users ?? [],
      source: STUDY_CALLBACK.attendance,
    });
    if (result.ok || result.error !== "field") return result as Result<object>;
    const t = await orgTranslator(ctx.db);
    const block = result.field.field === "present" ? STUDY_BLOCK.present : STUDY_BLOCK.excused;
    return {
      ok: false as const,
      error: "field" as const,
      errors: {
        [block]: t(`study.attendance.error.${result.field.why}`, { who: result.field.userId }),
      },
    };
  });
}
