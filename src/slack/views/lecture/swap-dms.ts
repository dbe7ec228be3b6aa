/**
 * The swap DMs: the colleague's request (Accept / Decline, updated in place by the same
 * builder once answered or expired) and the outcome sent to the requester.
 */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, context, mention, section } from "../../blocks.ts";
import { LECTURE_ACTION, LECTURE_BLOCK } from "../../ids/lecture.ts";
import { esc, formatDate, formatWhen } from "./format.ts";
import type { LectureMessage, SwapOutcomeView, SwapRequestView } from "./model.ts";

export function buildSwapRequestDm(v: SwapRequestView, t: Translator): LectureMessage {
  const when = formatWhen(v.startsAt, v.timezone, t);
  const requester = mention(v.requester);
  const text = t("lecture.swapRequest.text", { requester });
  const lines = [t("lecture.swapRequest.body", { requester, when })];
  if (v.place) lines.push(t("lecture.notice.place", { place: esc(v.place) }));
  lines.push(
    v.theirTurnDate
      ? t("lecture.swapRequest.yourTurn", { date: formatDate(v.theirTurnDate, t) })
      : t("lecture.swapRequest.noTurn"),
  );
  const blocks: KnownBlock[] = [section(lines.join("\n"))];
  if (v.state === "pending") {
    const value = String(v.swapId);
    blocks.push(
      context(t("lecture.swapRequest.expires", { when: formatWhen(v.expiresAt, v.timezone, t) })),
      actions(LECTURE_BLOCK.swapActions, [
        button(t("lecture.button.accept"), LECTURE_ACTION.acceptSwap, { value, style: "primary" }),
        button(t("lecture.button.decline"), LECTURE_ACTION.declineSwap, { value, style: "danger" }),
      ]),
    );
  } else {
    blocks.push(context(t(`lecture.swapRequest.${v.state}`, { when })));
  }
  return { text, blocks };
}

export function buildSwapOutcomeDm(v: SwapOutcomeView, t: Translator): LectureMessage {
  const when = formatWhen(v.startsAt, v.timezone, t);
  const colleague = mention(v.colleague);
  if (v.outcome !== "accepted") {
    const key =
      v.outcome === "declined" ? "lecture.swapOutcome.declined" : "lecture.swapOutcome.expired";
    const text = t(key, { colleague, when });
    return { text, blocks: [section(text)] };
  }
  const text = t("lecture.swapOutcome.accepted", { colleague, when });
  const next = v.newDate
    ? t("lecture.swapOutcome.acceptedNewDate", { date: formatDate(v.newDate, t) })
    : t("lecture.swapOutcome.acceptedQueue");
  return { text, blocks: [section(`${text}\n${next}`)] };
}
