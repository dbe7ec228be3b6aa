/**
 * The speaker's DM (when assigned, a week ahead, the day before). One builder keyed by the
 * turn's state, so the message is updated in place after Confirm, a swap or a drop.
 */
import type { Button, KnownBlock } from "@slack/types";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import { actions, button, context, mention, plain, section } from "../../blocks.ts";
import { LECTURE_ACTION, LECTURE_BLOCK } from "../../ids/lecture.ts";
import { esc, formatWhen, mentions } from "./format.ts";
import type { LectureMessage, SpeakerDmView } from "./model.ts";

const LEAD: Record<SpeakerDmView["moment"], MessageKey> = {
  assigned: "lecture.dm.assigned",
  "week-ahead": "lecture.dm.weekAhead",
  "day-before": "lecture.dm.dayBefore",
};

export function buildSpeakerDm(v: SpeakerDmView, t: Translator): LectureMessage {
  const when = formatWhen(v.startsAt, v.timezone, t);
  const other = v.other ? mention(v.other) : "";
  if (v.state === "swapped-out") {
    const text = t("lecture.dm.swappedOut", { when, colleague: other });
    return { text, blocks: [section(text)] };
  }
  if (v.state === "dropped") {
    const text = v.other
      ? t("lecture.dm.dropped", { when, replacement: other })
      : t("lecture.dm.droppedNoReplacement", { when });
    return { text, blocks: [section(text)] };
  }
  if (v.over) {
    const text = t("lecture.dm.over", { when });
    return { text, blocks: [section(text)] };
  }
  const lead = t(LEAD[v.moment], { when });
  const lines = [lead];
  if (v.place) lines.push(t("lecture.notice.place", { place: esc(v.place) }));
  if (v.coSpeakers.length > 0)
    lines.push(t("lecture.dm.withOthers", { speakers: mentions(v.coSpeakers, t) }));
  lines.push(v.topic ? t("lecture.dm.topic", { topic: esc(v.topic) }) : t("lecture.dm.noTopic"));
  const blocks: KnownBlock[] = [section(lines.join("\n"))];
  const status =
    v.state === "confirmed"
      ? t("lecture.dm.confirmed")
      : v.state === "swap-pending"
        ? t("lecture.dm.swapPending", { colleague: other })
        : t("lecture.dm.pleaseConfirm");
  blocks.push(context(status));
  blocks.push(actions(LECTURE_BLOCK.speakerActions, speakerButtons(v, t)));
  blocks.push(
    section(t("lecture.dm.awayHint"), {
      accessory: button(t("lecture.button.away"), LECTURE_ACTION.openAway, { value: "away" }),
    }),
  );
  return { text: lead, blocks };
}

function speakerButtons(v: SpeakerDmView, t: Translator): Button[] {
  const value = String(v.turnId);
  const buttons: Button[] = [];
  if (v.state === "assigned")
    buttons.push(
      button(t("lecture.button.confirm"), LECTURE_ACTION.confirm, { value, style: "primary" }),
    );
  buttons.push(button(t("lecture.button.topic"), LECTURE_ACTION.openTopic, { value }));
  if (v.state !== "swap-pending")
    buttons.push(button(t("lecture.button.swap"), LECTURE_ACTION.openSwap, { value }));
  buttons.push({
    ...button(t("lecture.button.drop"), LECTURE_ACTION.drop, { value, style: "danger" }),
    confirm: {
      title: plain(t("lecture.drop.confirmTitle")),
      text: plain(t("lecture.drop.confirmText")),
      confirm: plain(t("lecture.drop.confirmYes")),
      deny: plain(t("lecture.drop.confirmNo")),
      style: "danger",
    },
  });
  return buttons;
}
