/**
 * The annual assessment's Slack listeners (issue 22): the draft summary's Score and Finalize,
 * a secretary's card's Remark and Contest, the committee message's (and Home's) Answer, and the
 * four modals. Each opening is checked by the service before the modal shows, and each
 * submission is checked again by the service that changes the card; refusals on a modal's field.
 */
import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { View } from "@slack/types";
import type { AppContext } from "../../../app/context.ts";
import { type Locale, type Translator, translator } from "../../../i18n/index.ts";
import type { AssessmentPresenter } from "../../../ports/assessment.ts";
import {
  type AssessmentError,
  addRemark,
  answerRemark,
  errorKey,
  finalizeYear,
  scoreManual,
} from "../../../services/assessment/actions.ts";
import {
  openAnswerForm,
  openFinalizeForm,
  openRemarkForm,
  openScoring,
} from "../../../services/assessment/forms.ts";
import { currentOrgRecord } from "../../../services/org/current.ts";
import { ASSESSMENT_ACTION, ASSESSMENT_BLOCK, ASSESSMENT_CALLBACK } from "../../ids/assessment.ts";
import { refusalOnField, replier, type Tell, tellFor, viaDm } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildAnswerModal,
  buildFinalizeModal,
  buildRemarkModal,
  buildScoreModal,
  readAnswer,
  readRemark,
  readScore,
} from "../../views/assessment/modals.ts";
import { assessmentPresenter } from "../../views/assessment/present.ts";

type Button = BlockAction<ButtonAction>;

export interface AssessmentEnv {
  t: Translator;
  timezone: string;
  committeeChannel: string;
  presenter: AssessmentPresenter;
}

/** The org's language, zone, committee channel and the assessment's presenter. */
export async function assessmentEnv(ctx: AppContext): Promise<AssessmentEnv> {
  const org = await currentOrgRecord(ctx.db);
  const locale = (org?.locale ?? "zh-CN") as Locale;
  const timezone = org?.timezone ?? "Asia/Shanghai";
  const t = translator(locale);
  return {
    t,
    timezone,
    committeeChannel: org?.committeeChannel ?? "",
    presenter: assessmentPresenter(t, timezone),
  };
}

type Opened = { ok: true; view: View } | { ok: false; error: AssessmentError };

/** Opens the modal a service allowed, or tells the person why not. */
export async function openAssessmentModal(
  ctx: AppContext,
  triggerId: string,
  tell: Tell,
  open: (env: AssessmentEnv) => Promise<Opened>,
): Promise<void> {
  const reply = replier(ctx, tell, errorKey);
  try {
    const opened = await open(await assessmentEnv(ctx));
    if (!opened.ok) return reply.refuse(opened.error);
    await ctx.client.views.open({ trigger_id: triggerId, view: opened.view });
  } catch (err) {
    await reply.failed(err);
  }
}

/** The modals' openers, shared by `/pbb assessment …` and the buttons. */
export const openers = (ctx: AppContext, userId: string) => ({
  score: (branchKey?: string) => async (env: AssessmentEnv) => {
    const r = await openScoring(ctx, { by: userId, branchKey });
    return r.ok ? { ok: true as const, view: buildScoreModal(r.form, env.t) } : r;
  },
  remark:
    (kind: "remark" | "contest", at?: { year: number; branchKey: string }) =>
    async (env: AssessmentEnv) => {
      const r = await openRemarkForm(ctx, {
        by: userId,
        kind,
        timezone: env.timezone,
        year: at?.year,
        branchKey: at?.branchKey,
      });
      return r.ok ? { ok: true as const, view: buildRemarkModal(r.form, env.t) } : r;
    },
  answer: (remarkId: number) => async (env: AssessmentEnv) => {
    const r = await openAnswerForm(ctx, { by: userId, remarkId });
    return r.ok ? { ok: true as const, view: buildAnswerModal(r.form, env.t) } : r;
  },
  finalize: () => async (env: AssessmentEnv) => {
    const r = await openFinalizeForm(ctx, { by: userId });
    return r.ok ? { ok: true as const, view: buildFinalizeModal(r.form, env.t) } : r;
  },
});

/** `year:branchKey` of a card's buttons and the remark modal. */
function yearAndBranch(value: string | undefined): { year: number; branchKey: string } | null {
  const m = /^(\d{4}):([a-z0-9-]+)$/.exec(value ?? "");
  return m ? { year: Number(m[1]), branchKey: m[2]! } : null;
}

const idOf = (value: string | undefined): number | null =>
  /^\d{1,9}$/.test(value ?? "") ? Number(value) : null;

/** Which field of a modal a refusal belongs on. */
const SCORE_FIELD: Partial<Record<AssessmentError, string>> = {
  "out-of-range": ASSESSMENT_BLOCK.score,
  "unknown-indicator": ASSESSMENT_BLOCK.indicator,
  "not-manual": ASSESSMENT_BLOCK.indicator,
};
const REMARK_FIELD: Partial<Record<AssessmentError, string>> = {
  "unknown-indicator": ASSESSMENT_BLOCK.indicator,
  "not-computed": ASSESSMENT_BLOCK.indicator,
};
const ANSWER_FIELD: Partial<Record<AssessmentError, string>> = {
  "out-of-range": ASSESSMENT_BLOCK.corrected,
  "not-computed": ASSESSMENT_BLOCK.corrected,
};

const onField =
  (ctx: AppContext, fields: Partial<Record<AssessmentError, string>>, fallback: string) =>
  (error: AssessmentError) =>
    refusalOnField(ctx, fields[error] ?? fallback, errorKey(error));

type Values = Parameters<typeof readScore>[0];

export function registerAssessment(app: ListenerApp, ctx: AppContext): void {
  const button = (
    actionId: string,
    opener: (
      value: string | undefined,
      userId: string,
    ) => ((env: AssessmentEnv) => Promise<Opened>) | null,
  ) =>
    app.action<Button>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const tell = tellFor(ctx, body, respond as RespondFn);
      const open = opener(action.value, body.user.id);
      if (!open) return replier(ctx, tell, errorKey).refuse("no-year");
      await openAssessmentModal(ctx, body.trigger_id, tell, open);
    });

  button(ASSESSMENT_ACTION.openScore, (_, user) => openers(ctx, user).score());
  button(ASSESSMENT_ACTION.openFinalize, (_, user) => openers(ctx, user).finalize());
  for (const [actionId, kind] of [
    [ASSESSMENT_ACTION.openRemark, "remark"],
    [ASSESSMENT_ACTION.openContest, "contest"],
  ] as const) {
    button(actionId, (value, user) => {
      const at = yearAndBranch(value);
      return at ? openers(ctx, user).remark(kind, at) : null;
    });
  }
  button(ASSESSMENT_ACTION.openAnswer, (value, user) => {
    const id = idOf(value);
    return id === null ? null : openers(ctx, user).answer(id);
  });

  app.view(ASSESSMENT_CALLBACK.score, async ({ ack, body, view }) => {
    const refuse = onField(ctx, SCORE_FIELD, ASSESSMENT_BLOCK.branch);
    const opened = await openScoring(ctx, { by: body.user.id });
    if (!opened.ok) return ack(await refuse(opened.error));
    const env = await assessmentEnv(ctx);
    const read = readScore(view.state.values as Values, opened.form, env.t);
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const result = await scoreManual(ctx, {
      year: opened.form.year,
      ...read.value,
      by: body.user.id,
    });
    if (!result.ok) return ack(await refuse(result.error));
    await ack();
    const branch = opened.form.branches.find((b) => b.key === read.value.branchKey)?.name ?? "";
    await viaDm(
      ctx.client,
      body.user.id,
    )(env.t("assessment.done.score", { branch })).catch((err: unknown) =>
      ctx.logger.warn({ err }, "could not confirm the score"),
    );
  });

  app.view(ASSESSMENT_CALLBACK.remark, async ({ ack, body, view }) => {
    const refuse = onField(ctx, REMARK_FIELD, ASSESSMENT_BLOCK.text);
    const at = yearAndBranch(view.private_metadata);
    if (!at) return ack(await refuse("unknown-branch"));
    const env = await assessmentEnv(ctx);
    const read = readRemark(view.state.values as Values, env.t);
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const result = await addRemark(ctx, {
      ...at,
      ...read.value,
      by: body.user.id,
      timezone: env.timezone,
      notify: { presenter: env.presenter, committeeChannel: env.committeeChannel },
    });
    if (!result.ok) return ack(await refuse(result.error));
    await ack();
    await viaDm(
      ctx.client,
      body.user.id,
    )(
      env.t("assessment.done.remark", {
        kind: env.t(`assessment.remark.kind.${read.value.kind}`),
        id: result.id,
      }),
    ).catch((err: unknown) => ctx.logger.warn({ err }, "could not confirm the remark"));
  });

  app.view(ASSESSMENT_CALLBACK.answer, async ({ ack, body, view }) => {
    const refuse = onField(ctx, ANSWER_FIELD, ASSESSMENT_BLOCK.answer);
    const remarkId = idOf(view.private_metadata);
    if (remarkId === null) return ack(await refuse("unknown-remark"));
    const opened = await openAnswerForm(ctx, { by: body.user.id, remarkId });
    if (!opened.ok) return ack(await refuse(opened.error));
    const env = await assessmentEnv(ctx);
    const read = readAnswer(view.state.values as Values, opened.form, env.t);
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const result = await answerRemark(ctx, {
      remarkId,
      by: body.user.id,
      ...read.value,
      presenter: env.presenter,
    });
    if (!result.ok) return ack(await refuse(result.error));
    await ack();
    await viaDm(
      ctx.client,
      body.user.id,
    )(env.t("assessment.done.answer", { id: remarkId })).catch((err: unknown) =>
      ctx.logger.warn({ err }, "could not confirm the answer"),
    );
  });

  app.view(ASSESSMENT_CALLBACK.finalize, async ({ ack, body, view }) => {
    // A confirmation has no field to show a refusal on: the modal closes and the DM says why.
    await ack();
    const tell = viaDm(ctx.client, body.user.id);
    const reply = replier(ctx, tell, errorKey);
    const year = idOf(view.private_metadata);
    if (year === null) return reply.refuse("no-year");
    const env = await assessmentEnv(ctx);
    const result = await finalizeYear(ctx, {
      year,
      by: body.user.id,
      presenter: env.presenter,
      committeeChannel: env.committeeChannel,
    }).catch(reply.failed);
    if (!result) return;
    if (!result.ok) return reply.refuse(result.error);
    await tell(env.t("assessment.done.finalize", { year, count: result.cards })).catch(
      (err: unknown) => ctx.logger.warn({ err }, "could not confirm the finalization"),
    );
  });
}
