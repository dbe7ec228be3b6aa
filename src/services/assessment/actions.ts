/**
 * What people do to a drafted year (issue 22): committee members score the manual indicators
 * (four eyes: never their own branch), the effectiveness scores are imported (all or nothing),
 * a secretary remarks on or contests a point within the window, the committee answers (a
 * correction changes the card, its reason recorded), and the chair finalizes (the cards frozen,
 * an audit entry, the final cards published). Each a refusal with a reason, or done in one
 * transaction; after finalization every change is refused.
 */
import type { Assessment } from "../../config/assessment-schema.ts";
import type { Prisma } from "../../db/client.ts";
import {
  answerRemarkIfOpen,
  assessmentActor,
  auditAssessment,
  cardIdsByBranch,
  findAssessmentYear,
  findCard,
  findRemark,
  freezeCard,
  insertRemark,
  markFinal,
  setEffectiveness,
  upsertScore,
} from "../../db/repositories/assessment.ts";
import {
  type AssessmentError,
  answerRefusal,
  contestUntil,
  finalizeRefusal,
  type ImportProblem,
  parseEffectivenessCsv,
  remarkRefusal,
  scoreRefusal,
  scorerRefusal,
} from "../../domain/assessment-actions.ts";
import { localDateOf } from "../../domain/period.ts";
import type { MessageKey } from "../../i18n/index.ts";
import type { AssessmentPresenter } from "../../ports/assessment.ts";
import { type Deps, type Outcome, refuse } from "../kit/result.ts";
import { inTx, type Tx } from "../kit/tx.ts";
import { enqueueDeliveries } from "../outbox/enqueue.ts";
import type { ComputedValues } from "./cards.ts";
import { frozenCard, loadYearView } from "./cards.ts";
import { yearMessages } from "./messages.ts";

export type { AssessmentError };
export type Result<T extends object = object> = Outcome<T, AssessmentError>;
export const errorKey = (error: AssessmentError): MessageKey => `assessment.error.${error}`;

/** The year as a draft (with its rules), or why not. */
async function draftOf(
  tx: Tx,
  year: number,
): Promise<{ ok: true; rules: Assessment; asOf: Date } | { ok: false; error: AssessmentError }> {
  const found = await findAssessmentYear(tx, year);
  if (!found) return refuse("no-year");
  if (found.state !== "draft") return refuse("final");
  return { ok: true, rules: found.rules as unknown as Assessment, asOf: found.asOf };
}

export interface ScoreInput {
  year: number;
  branchKey: string;
  indicator: string;
  score: number;
  by: string;
}

export function scoreManual(deps: Deps, input: ScoreInput): Promise<Result> {
  return inTx(deps.db, async (tx) => {
    const year = await draftOf(tx, input.year);
    if (!year.ok) return year;
    const ind = year.rules.indicators.find((i) => i.key === input.indicator);
    if (!ind) return refuse("unknown-indicator");
    if (!ind.manual) return refuse("not-manual");
    const card = await findCard(tx, input.year, input.branchKey);
    if (!card) return refuse("unknown-branch");
    const refusal =
      scorerRefusal(await assessmentActor(tx, input.by), card.branchId) ??
      scoreRefusal(input.score, ind.weight);
    if (refusal) return refuse(refusal);
    await upsertScore(tx, {
      cardId: card.id,
      indicator: ind.key,
      score: input.score,
      by: input.by,
      at: deps.now(),
    });
    return { ok: true };
  });
}

export type ImportResult =
  | { ok: true; count: number }
  | { ok: false; error: AssessmentError; problems?: ImportProblem[] };

/**
 * `pbb assessment import FILE.csv`: every line `branch,score` checked; one bad line refuses the
 * whole file (every bad line listed) and nothing changes.
 */
export function importEffectiveness(
  deps: Deps,
  input: { year: number; text: string; by: string },
): Promise<ImportResult> {
  return inTx(deps.db, async (tx): Promise<ImportResult> => {
    const year = await draftOf(tx, input.year);
    if (!year.ok) return year;
    const cards = await cardIdsByBranch(tx, input.year);
    const parsed = parseEffectivenessCsv(input.text, [...cards.keys()]);
    if (!parsed.ok) return { ok: false, error: "out-of-range", problems: parsed.problems };
    for (const line of parsed.lines) {
      await setEffectiveness(tx, cards.get(line.branch)!, line.score);
    }
    await auditAssessment(tx, {
      actor: input.by,
      action: "assessment.effectiveness.import",
      entityId: String(input.year),
      data: { count: parsed.lines.length },
      at: deps.now(),
    });
    return { ok: true, count: parsed.lines.length };
  });
}

export interface RemarkInput {
  year: number;
  branchKey: string;
  by: string;
  /** A contest names the computed indicator it contests; a remark may name one. */
  indicator: string | null;
  kind: "remark" | "contest";
  text: string;
  timezone: string;
  /** When given, the committee is told in its channel (with an Answer button). */
  notify?: { presenter: AssessmentPresenter; committeeChannel: string };
}

export function addRemark(deps: Deps, input: RemarkInput): Promise<Result<{ id: number }>> {
  return inTx(deps.db, async (tx) => {
    const year = await draftOf(tx, input.year);
    if (!year.ok) return year;
    const text = input.text.trim();
    if (text === "") return refuse("empty-text");
    if (input.indicator !== null) {
      const ind = year.rules.indicators.find((i) => i.key === input.indicator);
      if (!ind) return refuse("unknown-indicator");
      if (input.kind === "contest" && ind.manual) return refuse("not-computed");
    } else if (input.kind === "contest") return refuse("not-computed");
    const card = await findCard(tx, input.year, input.branchKey);
    if (!card) return refuse("unknown-branch");
    const until = contestUntil(localDateOf(year.asOf, input.timezone), year.rules.contestDays);
    const refusal = remarkRefusal(
      await assessmentActor(tx, input.by),
      card.branchId,
      localDateOf(deps.now(), input.timezone),
      until,
    );
    if (refusal) return refuse(refusal);
    const created = await insertRemark(tx, {
      cardId: card.id,
      indicator: input.indicator,
      kind: input.kind,
      text: text.slice(0, 2000),
      by: input.by,
      at: deps.now(),
    });
    if (input.notify) {
      const view = await loadYearView(tx, input.year);
      const shown = view?.cards.find((c) => c.cardId === card.id);
      const remark = shown?.remarks.find((r) => r.id === created.id);
      if (view && shown && remark) {
        const message = input.notify.presenter.remarkNotice(view, shown, remark);
        await enqueueDeliveries(tx, [
          {
            dedupeKey: `assessment:remark:${created.id}`,
            method: "chat.postMessage",
            payload: { channel: input.notify.committeeChannel, ...message },
          },
        ]);
      }
    }
    return { ok: true, id: created.id };
  });
}

export interface AnswerInput {
  remarkId: number;
  by: string;
  answer: string;
  /** A contest's correction: the indicator's corrected achieved count; null: no change. */
  corrected: number | null;
  /** When given, the remark's author gets the card as it is now, with the answer, in a DM. */
  presenter?: AssessmentPresenter;
}

export function answerRemark(deps: Deps, input: AnswerInput): Promise<Result> {
  return inTx(deps.db, async (tx) => {
    const remark = await findRemark(tx, input.remarkId);
    if (!remark) return refuse("unknown-remark");
    const year = await draftOf(tx, remark.card.year);
    if (!year.ok) return year;
    if (remark.answer !== null) return refuse("answered");
    const answer = input.answer.trim();
    if (answer === "") return refuse("empty-text");
    const refusal = answerRefusal(await assessmentActor(tx, input.by), remark.card.branchId);
    if (refusal) return refuse(refusal);
    if (input.corrected !== null) {
      if (remark.kind !== "contest" || remark.indicator === null) return refuse("not-computed");
      const value = (remark.card.computed as unknown as ComputedValues)[remark.indicator];
      const expected = value?.expected ?? 0;
      if (!Number.isInteger(input.corrected) || input.corrected < 0 || input.corrected > expected) {
        return refuse("out-of-range");
      }
    }
    const won = await answerRemarkIfOpen(tx, {
      id: remark.id,
      answer: answer.slice(0, 2000),
      by: input.by,
      at: deps.now(),
      corrected: input.corrected,
    });
    if (!won) return refuse("answered");
    if (input.corrected !== null) {
      await auditAssessment(tx, {
        actor: input.by,
        action: "assessment.correction",
        entityId: String(remark.card.year),
        data: { remark: remark.id, indicator: remark.indicator, corrected: input.corrected },
        at: deps.now(),
      });
    }
    if (input.presenter) {
      const view = await loadYearView(tx, remark.card.year);
      const card = view?.cards.find((c) => c.cardId === remark.card.id);
      if (view && card) {
        const message = input.presenter.card(view, card);
        await enqueueDeliveries(tx, [
          {
            dedupeKey: `assessment:answer:${remark.id}`,
            method: "dm",
            payload: { user: remark.by, text: message.text, blocks: message.blocks },
          },
        ]);
      }
    }
    return { ok: true };
  });
}

export interface FinalizeInput {
  year: number;
  by: string;
  presenter: AssessmentPresenter;
  committeeChannel: string;
}

/**
 * The chair finalizes: the year turns final (once), every card is frozen as scored now (a later
 * change to the records does not move it), an audit entry names who and when, and the final
 * summary and cards are published.
 */
export function finalizeYear(deps: Deps, input: FinalizeInput): Promise<Result<{ cards: number }>> {
  return inTx(deps.db, async (tx) => {
    const year = await draftOf(tx, input.year);
    if (!year.ok) return year;
    const refusal = finalizeRefusal(await assessmentActor(tx, input.by));
    if (refusal) return refuse(refusal);
    const at = deps.now();
    if (!(await markFinal(tx, input.year, input.by, at))) return refuse("final");
    const view = await loadYearView(tx, input.year);
    if (!view) return refuse("no-year");
    for (const card of view.cards) {
      await freezeCard(tx, card.cardId, frozenCard(card) as unknown as Prisma.InputJsonValue);
    }
    await auditAssessment(tx, {
      actor: input.by,
      action: "assessment.finalize",
      entityId: String(input.year),
      data: { cards: view.cards.length },
      at,
    });
    await enqueueDeliveries(tx, yearMessages(view, input.presenter, input.committeeChannel));
    return { ok: true, cards: view.cards.length };
  });
}
