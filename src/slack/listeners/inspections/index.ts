/**
 * Inspections' Slack listeners: the team DM's "open the checklist", its submission (inline
 * errors on the fields at fault) and its draft kept on close; the owner's "report done" and its
 * modal; the verifier's accept and reopen (with its comment). Values carry one id; every right
 * is checked in the use case, from the database.
 */
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { RectificationView } from "../../../ports/inspections.ts";
import {
  keepDraft,
  openChecklist,
  submitChecklist,
} from "../../../services/inspections/checklist.ts";
import {
  openDone,
  openReassign,
  openReopen,
  reassign,
  reportDone,
  verify,
} from "../../../services/inspections/rectify.ts";
import { errorKey, type InspectionsError } from "../../../services/inspections/result.ts";
import type { Outcome } from "../../../services/kit/result.ts";
import { orgTranslator } from "../../../services/org/locale.ts";
import { INSPECTION_ACTION, INSPECTION_BLOCK, INSPECTION_CALLBACK } from "../../ids/inspections.ts";
import { refusalOnField, replier, tellFor } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildChecklistModal,
  buildDoneModal,
  buildReassignModal,
  buildReopenModal,
  readChecklist,
  readChecklistRaw,
  readComment,
  readDone,
  readOwner,
} from "../../views/inspections/modals.ts";
import { inspectionsPresenter } from "../../views/inspections/present.ts";
import { registerSwap } from "./swap.ts";

type Button = BlockAction<ButtonAction>;

const parseId = (value: string | undefined): number | null =>
  value && /^\d{1,9}$/.test(value) ? Number(value) : null;

// biome-ignore lint/suspicious/noExplicitAny: Bolt's view state, read by the view's readers
type AnyValues = any;

export function registerInspections(app: ListenerApp, ctx: AppContext): void {
  const present = inspectionsPresenter;

  const opener = (
    actionId: string,
    open: (
      id: number,
      userId: string,
    ) => Promise<{ ok: true; view: object } | { ok: false; error: InspectionsError }>,
  ) =>
    app.action<Button>(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      const reply = replier(ctx, tellFor(ctx, body, respond), errorKey);
      const id = parseId(action.value);
      if (id === null) return reply.refuse("not-found");
      const opened = await open(id, body.user.id).catch(reply.failed);
      if (!opened) return;
      if (!opened.ok) return reply.refuse(opened.error);
      await client.views.open({ trigger_id: body.trigger_id, view: opened.view as never });
    });

  /** A button whose service hands back what its modal shows (or why not). */
  const modalOpener = <T>(
    actionId: string,
    open: (id: number, userId: string) => Promise<Outcome<{ value: T }, InspectionsError>>,
    build: (value: T, t: Translator) => object,
  ) =>
    opener(actionId, async (id, userId) => {
      const r = await open(id, userId);
      return r.ok ? { ok: true, view: build(r.value, await orgTranslator(ctx.db)) } : r;
    });
  const item =
    (f: typeof openDone) =>
    async (
      id: number,
      userId: string,
    ): Promise<Outcome<{ value: RectificationView }, InspectionsError>> => {
      const r = await f(ctx, { id, userId });
      return r.ok ? { ok: true, value: r.item } : r;
    };

  modalOpener(
    INSPECTION_ACTION.openChecklist,
    async (assignmentId, userId) => {
      const r = await openChecklist(ctx, { assignmentId, userId });
      return r.ok ? { ok: true, value: r.form } : r;
    },
    buildChecklistModal,
  );
  modalOpener(INSPECTION_ACTION.openDone, item(openDone), buildDoneModal);
  modalOpener(INSPECTION_ACTION.openReopen, item(openReopen), buildReopenModal);
  modalOpener(INSPECTION_ACTION.openReassign, item(openReassign), buildReassignModal);

  app.view(INSPECTION_CALLBACK.reassign, async ({ ack, body, view }) => {
    const id = parseId(view.private_metadata);
    const field = INSPECTION_BLOCK.owner;
    if (id === null) return ack(await refusalOnField(ctx, field, errorKey("not-found")));
    const read = readOwner(view.state.values as AnyValues, await orgTranslator(ctx.db));
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const result = await reassign(ctx, present, { id, userId: body.user.id, owner: read.value });
    if (result.ok) return ack();
    return ack(await refusalOnField(ctx, field, errorKey(result.error)));
  });

  app.action<Button>(INSPECTION_ACTION.accept, async ({ ack, body, action, respond }) => {
    await ack();
    const tell = tellFor(ctx, body, respond);
    const reply = replier(ctx, tell, errorKey);
    const id = parseId(action.value);
    if (id === null) return reply.refuse("not-found");
    const result = await verify(ctx, present, { id, userId: body.user.id, accept: true }).catch(
      reply.failed,
    );
    if (result && !result.ok) return reply.refuse(result.error);
    if (result) await tell((await orgTranslator(ctx.db))("inspections.verify.accepted"));
  });

  app.view(INSPECTION_CALLBACK.checklist, async ({ ack, body, view }) => {
    const assignmentId = parseId(view.private_metadata);
    const first = INSPECTION_BLOCK.note;
    if (assignmentId === null) return ack(await refusalOnField(ctx, first, errorKey("not-found")));
    const opened = await openChecklist(ctx, { assignmentId, userId: body.user.id });
    if (!opened.ok) return ack(await refusalOnField(ctx, first, errorKey(opened.error)));
    const t = await orgTranslator(ctx.db);
    const read = readChecklist(view.state.values as AnyValues, opened.form, t);
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const result = await submitChecklist(ctx, present, {
      assignmentId,
      userId: body.user.id,
      checklist: read.value,
    });
    if (result.ok) return ack();
    if (result.error === "score" && "field" in result) {
      return ack(
        await refusalOnField(ctx, INSPECTION_BLOCK.score(result.field), errorKey("score")),
      );
    }
    const field =
      result.error === "finding-without-text"
        ? INSPECTION_BLOCK.problem(0)
        : result.error === "amend-reason-required"
          ? INSPECTION_BLOCK.reason
          : first;
    return ack(await refusalOnField(ctx, field, errorKey(result.error)));
  });

  app.view(
    { callback_id: INSPECTION_CALLBACK.checklist, type: "view_closed" },
    async ({ ack, body, view }) => {
      await ack();
      const assignmentId = parseId(view.private_metadata);
      if (assignmentId === null) return;
      const opened = await openChecklist(ctx, { assignmentId, userId: body.user.id });
      if (!opened.ok) return;
      const draft = readChecklistRaw(view.state.values as AnyValues, opened.form);
      await keepDraft(ctx, { assignmentId, userId: body.user.id, draft }).catch((err: unknown) =>
        ctx.logger.warn({ err }, "could not keep the checklist draft"),
      );
    },
  );

  app.view(INSPECTION_CALLBACK.done, async ({ ack, body, view }) => {
    const id = parseId(view.private_metadata);
    const field = INSPECTION_BLOCK.doneText;
    if (id === null) return ack(await refusalOnField(ctx, field, errorKey("not-found")));
    const read = readDone(view.state.values as AnyValues, await orgTranslator(ctx.db));
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const result = await reportDone(ctx, present, { id, userId: body.user.id, ...read.value });
    if (result.ok) return ack();
    const at = result.error === "evidence-required" ? INSPECTION_BLOCK.evidence : field;
    return ack(await refusalOnField(ctx, at, errorKey(result.error)));
  });

  app.view(INSPECTION_CALLBACK.reopen, async ({ ack, body, view }) => {
    const id = parseId(view.private_metadata);
    const field = INSPECTION_BLOCK.comment;
    if (id === null) return ack(await refusalOnField(ctx, field, errorKey("not-found")));
    const read = readComment(view.state.values as AnyValues, await orgTranslator(ctx.db));
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const result = await verify(ctx, present, {
      id,
      userId: body.user.id,
      accept: false,
      comment: read.value,
    });
    if (result.ok) return ack();
    return ack(await refusalOnField(ctx, field, errorKey(result.error)));
  });

  registerSwap(app, ctx);
}
