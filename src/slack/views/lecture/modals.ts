/**
 * The lecture modals (topic, swap, away dates) and their validation. Each validator returns
 * the field errors for `response_action: "errors"` (block id → message), or the clean value.
 */
import type { KnownBlock, ModalView } from "@slack/types";
import { addDays, type LocalDate } from "../../../domain/calendar.ts";
import type { Translator } from "../../../i18n/index.ts";
import { input, modalView, option, plain, section } from "../../blocks.ts";
import { LECTURE_ACTION, LECTURE_BLOCK, LECTURE_CALLBACK } from "../../ids/lecture.ts";
import { formatDate, formatWhen } from "./format.ts";
import type {
  AwayModalView,
  SwapCandidate,
  SwapModalView,
  TopicModalView,
  Validation,
} from "./model.ts";

export const TOPIC_MAX = 100;
/** Slack's limit of options in a static select. */
const MAX_OPTIONS = 100;

function modal(
  callbackId: string,
  title: string,
  submit: string | null,
  metadata: string,
  blocks: KnownBlock[],
  t: Translator,
): ModalView {
  const close = t("lecture.modal.close");
  return modalView({ callbackId, title, submit, close, metadata, blocks });
}

export function buildTopicModal(v: TopicModalView, t: Translator): ModalView {
  const when = formatWhen(v.startsAt, v.timezone, t);
  return modal(
    LECTURE_CALLBACK.topicModal,
    t("lecture.topic.title"),
    t("lecture.modal.submit"),
    String(v.turnId),
    [
      section(t("lecture.topic.intro", { when })),
      input(LECTURE_BLOCK.topic, t("lecture.topic.label"), {
        type: "plain_text_input",
        action_id: LECTURE_ACTION.topicInput,
        max_length: TOPIC_MAX,
        placeholder: plain(t("lecture.topic.placeholder")),
        ...(v.topic ? { initial_value: v.topic } : {}),
      }),
    ],
    t,
  );
}

export function validateTopic(raw: string | null | undefined, t: Translator): Validation<string> {
  const topic = (raw ?? "").replace(/\s+/g, " ").trim();
  if (!topic) return { ok: false, errors: { [LECTURE_BLOCK.topic]: t("lecture.topic.required") } };
  if ([...topic].length > TOPIC_MAX)
    return {
      ok: false,
      errors: { [LECTURE_BLOCK.topic]: t("lecture.topic.tooLong", { max: TOPIC_MAX }) },
    };
  return { ok: true, value: topic };
}

export function buildSwapModal(v: SwapModalView, t: Translator): ModalView {
  const when = formatWhen(v.startsAt, v.timezone, t);
  const intro = section(t("lecture.swap.intro", { when }));
  if (v.candidates.length === 0)
    return modal(
      LECTURE_CALLBACK.swapModal,
      t("lecture.swap.title"),
      null,
      String(v.turnId),
      [intro, section(t("lecture.swap.nobody"))],
      t,
    );
  const options = v.candidates
    .slice(0, MAX_OPTIONS)
    .map((c) => option(candidateLabel(c, t), c.userId));
  return modal(
    LECTURE_CALLBACK.swapModal,
    t("lecture.swap.title"),
    t("lecture.swap.submit"),
    String(v.turnId),
    [
      intro,
      input(LECTURE_BLOCK.swapColleague, t("lecture.swap.label"), {
        type: "static_select",
        action_id: LECTURE_ACTION.swapColleague,
        placeholder: plain(t("lecture.swap.placeholder")),
        options,
      }),
    ],
    t,
  );
}

function candidateLabel(c: SwapCandidate, t: Translator): string {
  const detail = c.turnDate
    ? t("lecture.swap.theirTurn", { date: formatDate(c.turnDate, t) })
    : t("lecture.swap.noTurn");
  return t("lecture.swap.option", { name: c.name, detail });
}

/** The colleague picked must be one of the candidates offered (and not the requester). */
export function validateSwapPick(
  picked: string | null | undefined,
  requester: string,
  candidates: readonly SwapCandidate[],
  t: Translator,
): Validation<SwapCandidate> {
  const field = LECTURE_BLOCK.swapColleague;
  if (!picked) return { ok: false, errors: { [field]: t("lecture.swap.required") } };
  if (picked === requester) return { ok: false, errors: { [field]: t("lecture.swap.notSelf") } };
  const found = candidates.find((c) => c.userId === picked);
  if (!found) return { ok: false, errors: { [field]: t("lecture.swap.notAllowed") } };
  return { ok: true, value: found };
}

export function buildAwayModal(v: AwayModalView, t: Translator): ModalView {
  return modal(
    LECTURE_CALLBACK.awayModal,
    t("lecture.away.title"),
    t("lecture.away.submit"),
    "",
    [
      section(t("lecture.away.intro")),
      input(LECTURE_BLOCK.awayFrom, t("lecture.away.from"), {
        type: "datepicker",
        action_id: LECTURE_ACTION.awayFrom,
        initial_date: v.from ?? v.today,
      }),
      input(LECTURE_BLOCK.awayTo, t("lecture.away.to"), {
        type: "datepicker",
        action_id: LECTURE_ACTION.awayTo,
        initial_date: v.to ?? v.from ?? v.today,
      }),
    ],
    t,
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** to ≥ from, at most a year long, not over, and starting within a year from today. */
export function validateAway(
  values: { from?: string | null; to?: string | null; today: LocalDate },
  t: Translator,
): Validation<{ from: LocalDate; to: LocalDate }> {
  const errors: Record<string, string> = {};
  const from = values.from && DATE.test(values.from) ? values.from : null;
  const to = values.to && DATE.test(values.to) ? values.to : null;
  if (!from) errors[LECTURE_BLOCK.awayFrom] = t("lecture.away.fromRequired");
  if (!to) errors[LECTURE_BLOCK.awayTo] = t("lecture.away.toRequired");
  if (from && to) {
    if (to < from) errors[LECTURE_BLOCK.awayTo] = t("lecture.away.toBeforeFrom");
    else if (to > addDays(from, 365)) errors[LECTURE_BLOCK.awayTo] = t("lecture.away.tooLong");
    else if (to < values.today) errors[LECTURE_BLOCK.awayTo] = t("lecture.away.past");
    if (from > addDays(values.today, 365))
      errors[LECTURE_BLOCK.awayFrom] = t("lecture.away.tooFar");
  }
  if (Object.keys(errors).length > 0 || !from || !to) return { ok: false, errors };
  return { ok: true, value: { from, to } };
}
