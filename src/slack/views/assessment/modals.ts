/**
 * The assessment's modals (issue 22): scoring a manual indicator, a secretary's remark or
 * contest, the committee's answer (with a correction for a contest), the chair's confirmation
 * of the finalization; and the readers of what was typed, each returning the field errors for
 * `response_action: "errors"` or the clean value.
 */
import type { KnownBlock, ModalView } from "@slack/types";
import { formatDay } from "../../../i18n/dates.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type {
  AnswerForm,
  FinalizeForm,
  IndicatorChoice,
  RemarkForm,
  ScoreForm,
} from "../../../ports/assessment.ts";
import { context, featureModal, input, option, plain, section } from "../../blocks.ts";
import { ASSESSMENT_ACTION, ASSESSMENT_BLOCK, ASSESSMENT_CALLBACK } from "../../ids/assessment.ts";
import type { Validation } from "../../inputs.ts";
import { esc } from "../tasklist/format.ts";
import { indicatorLabel } from "./present.ts";

const modal = featureModal("assessment.modal.submit", "assessment.modal.cancel");

const plainLabel = (i: IndicatorChoice, t: Translator) =>
  i.labelKey ? t(i.labelKey as MessageKey) : (i.name ?? i.key);

export function buildScoreModal(f: ScoreForm, t: Translator): ModalView {
  const branches = f.branches.slice(0, 100).map((b) => option(b.name, b.key));
  const chosen = branches.find((o) => o.value === f.branchKey);
  const indicators = f.indicators.map((i) =>
    option(t("assessment.modal.score.field", { name: plainLabel(i, t), weight: i.weight }), i.key),
  );
  const blocks: KnownBlock[] = [
    section(t("assessment.modal.score.heading", { year: f.year }), {
      block_id: ASSESSMENT_BLOCK.intro,
    }),
    input(ASSESSMENT_BLOCK.branch, t("assessment.modal.score.branch"), {
      type: "static_select",
      action_id: ASSESSMENT_ACTION.branch,
      options: branches,
      ...(chosen ? { initial_option: chosen } : {}),
    }),
    input(ASSESSMENT_BLOCK.indicator, t("assessment.modal.score.indicator"), {
      type: "static_select",
      action_id: ASSESSMENT_ACTION.indicator,
      options: indicators,
      ...(indicators.length === 1 && indicators[0] ? { initial_option: indicators[0] } : {}),
    }),
    input(ASSESSMENT_BLOCK.score, t("assessment.modal.score.score"), {
      type: "plain_text_input",
      action_id: ASSESSMENT_ACTION.score,
      max_length: 10,
    }),
  ];
  return modal(
    ASSESSMENT_CALLBACK.score,
    t("assessment.modal.score.title"),
    String(f.year),
    blocks,
    t,
  );
}

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

const picked = (values: StateValues, block: string, action: string) =>
  values[block]?.[action]?.selected_option?.value ?? null;
const typed = (values: StateValues, block: string, action: string) =>
  (values[block]?.[action]?.value ?? "").trim();

/** A decimal number as typed ("27.5", "27,5"), or null. */
function numberOf(text: string): number | null {
  const normalized = text.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}

export function readScore(
  values: StateValues,
  f: Pick<ScoreForm, "indicators">,
  t: Translator,
): Validation<{ branchKey: string; indicator: string; score: number }> {
  const errors: Record<string, string> = {};
  const branchKey = picked(values, ASSESSMENT_BLOCK.branch, ASSESSMENT_ACTION.branch);
  const indicator = picked(values, ASSESSMENT_BLOCK.indicator, ASSESSMENT_ACTION.indicator);
  const score = numberOf(typed(values, ASSESSMENT_BLOCK.score, ASSESSMENT_ACTION.score));
  if (!branchKey) errors[ASSESSMENT_BLOCK.branch] = t("assessment.error.unknown-branch");
  const ind = f.indicators.find((i) => i.key === indicator);
  if (!ind) errors[ASSESSMENT_BLOCK.indicator] = t("assessment.error.unknown-indicator");
  if (score === null) errors[ASSESSMENT_BLOCK.score] = t("assessment.error.notNumber");
  else if (ind && score > ind.weight) {
    errors[ASSESSMENT_BLOCK.score] = t("assessment.error.out-of-range");
  }
  if (Object.keys(errors).length > 0 || !branchKey || !indicator || score === null) {
    return { ok: false, errors };
  }
  return { ok: true, value: { branchKey, indicator, score } };
}

export function buildRemarkModal(f: RemarkForm, t: Translator): ModalView {
  const kinds = (["remark", "contest"] as const).map((k) =>
    option(t(`assessment.remark.kind.${k}`), k),
  );
  const indicators = f.indicators.map((i) => option(plainLabel(i, t), i.key));
  const blocks: KnownBlock[] = [
    section(t("assessment.modal.remark.intro", { branch: esc(f.branchName), year: f.year }), {
      block_id: ASSESSMENT_BLOCK.intro,
    }),
    context(t("assessment.modal.remark.until", { until: formatDay(f.until, t) })),
    input(ASSESSMENT_BLOCK.kind, t("assessment.modal.remark.kind"), {
      type: "radio_buttons",
      action_id: ASSESSMENT_ACTION.kind,
      options: kinds,
      initial_option: f.kind === "contest" ? kinds[1]! : kinds[0]!,
    }),
    input(
      ASSESSMENT_BLOCK.indicator,
      t("assessment.modal.remark.indicator"),
      {
        type: "static_select",
        action_id: ASSESSMENT_ACTION.indicator,
        options: indicators,
      },
      { optional: true },
    ),
    input(ASSESSMENT_BLOCK.text, t("assessment.modal.remark.text"), {
      type: "plain_text_input",
      action_id: ASSESSMENT_ACTION.text,
      multiline: true,
      max_length: 2000,
    }),
  ];
  return modal(
    ASSESSMENT_CALLBACK.remark,
    t("assessment.modal.remark.title"),
    `${f.year}:${f.branchKey}`,
    blocks,
    t,
  );
}

export function readRemark(
  values: StateValues,
  t: Translator,
): Validation<{ kind: "remark" | "contest"; indicator: string | null; text: string }> {
  const kind = picked(values, ASSESSMENT_BLOCK.kind, ASSESSMENT_ACTION.kind);
  const indicator = picked(values, ASSESSMENT_BLOCK.indicator, ASSESSMENT_ACTION.indicator);
  const text = typed(values, ASSESSMENT_BLOCK.text, ASSESSMENT_ACTION.text);
  const errors: Record<string, string> = {};
  if (text === "") errors[ASSESSMENT_BLOCK.text] = t("assessment.error.empty-text");
  if (kind === "contest" && indicator === null) {
    errors[ASSESSMENT_BLOCK.indicator] = t("assessment.error.not-computed");
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { kind: kind === "contest" ? "contest" : "remark", indicator, text } };
}

export function buildAnswerModal(f: AnswerForm, t: Translator): ModalView {
  const r = f.remark;
  const blocks: KnownBlock[] = [
    section(
      t("assessment.modal.answer.intro", {
        branch: esc(f.branchName),
        kind: t(`assessment.remark.kind.${r.kind}`),
        id: r.id,
        text: esc(r.text),
      }),
      { block_id: ASSESSMENT_BLOCK.intro },
    ),
  ];
  if (f.indicator) blocks.push(context(indicatorLabel(f.indicator, t)));
  blocks.push(
    input(ASSESSMENT_BLOCK.answer, t("assessment.modal.answer.text"), {
      type: "plain_text_input",
      action_id: ASSESSMENT_ACTION.answer,
      multiline: true,
      max_length: 2000,
    }),
  );
  if (f.expected !== null) {
    blocks.push(
      input(
        ASSESSMENT_BLOCK.corrected,
        t("assessment.modal.answer.corrected", { expected: f.expected }),
        { type: "plain_text_input", action_id: ASSESSMENT_ACTION.corrected, max_length: 6 },
        {
          optional: true,
          hint: plain(
            t("assessment.modal.answer.current", {
              achieved: f.achieved ?? 0,
              expected: f.expected,
            }),
          ),
        },
      ),
    );
  }
  return modal(
    ASSESSMENT_CALLBACK.answer,
    t("assessment.modal.answer.title"),
    String(r.id),
    blocks,
    t,
  );
}

export function readAnswer(
  values: StateValues,
  f: Pick<AnswerForm, "expected">,
  t: Translator,
): Validation<{ answer: string; corrected: number | null }> {
  const answer = typed(values, ASSESSMENT_BLOCK.answer, ASSESSMENT_ACTION.answer);
  const correctedText = typed(values, ASSESSMENT_BLOCK.corrected, ASSESSMENT_ACTION.corrected);
  const errors: Record<string, string> = {};
  if (answer === "") errors[ASSESSMENT_BLOCK.answer] = t("assessment.error.empty-text");
  let corrected: number | null = null;
  if (correctedText !== "") {
    corrected = /^\d+$/.test(correctedText) ? Number(correctedText) : null;
    if (corrected === null || f.expected === null || corrected > f.expected) {
      errors[ASSESSMENT_BLOCK.corrected] = t("assessment.error.notWhole", {
        expected: f.expected ?? 0,
      });
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { answer, corrected } };
}

export function buildFinalizeModal(f: FinalizeForm, t: Translator): ModalView {
  const blocks: KnownBlock[] = [
    section(t("assessment.modal.finalize.intro", { year: f.year, count: f.count }), {
      block_id: ASSESSMENT_BLOCK.intro,
    }),
  ];
  if (f.pending.length > 0) {
    blocks.push(
      context(
        t("assessment.modal.finalize.pending", {
          branches: f.pending.slice(0, 30).map(esc).join(", "),
        }),
      ),
    );
  }
  return {
    ...modal(
      ASSESSMENT_CALLBACK.finalize,
      t("assessment.modal.finalize.title"),
      String(f.year),
      blocks,
      t,
    ),
    submit: plain(t("assessment.modal.finalize.submit")),
  };
}
