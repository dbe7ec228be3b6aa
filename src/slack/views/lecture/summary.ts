/** The `/pbb lectures` ephemeral: next sessions and speakers, coming order, history counts. */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, context, divider, header, mention, section } from "../../blocks.ts";
import { LECTURE_ACTION, LECTURE_BLOCK } from "../../ids/lecture.ts";
import { formatDate, mentions, reasonText, skipReasonText } from "./format.ts";
import type { LectureMessage, LecturesSummaryView, UpcomingSession } from "./model.ts";

const MAX_UPCOMING = 10;
const MAX_ORDER = 10;
/** Per-person lines shown; the rest is summarized (keeps the message well under its limits). */
const MAX_PEOPLE = 60;
const LINES_PER_SECTION = 20;

export function buildLecturesSummary(v: LecturesSummaryView, t: Translator): LectureMessage {
  const blocks: KnownBlock[] = [header(t("lecture.summary.header"))];
  const upcoming = v.upcoming.slice(0, MAX_UPCOMING).map((s) => upcomingLine(s, t));
  blocks.push(
    section(
      [
        t("lecture.summary.upcoming"),
        ...(upcoming.length ? upcoming : [t("lecture.summary.none")]),
      ].join("\n"),
    ),
  );
  if (v.order && v.order.length > 0) {
    const order = v.order
      .slice(0, MAX_ORDER)
      .map((p, i) => `${i + 1}. ${mention(p.userId)}: ${reasonText(p.reason, t)}`);
    blocks.push(section([t("lecture.summary.order"), ...order].join("\n")));
  }
  blocks.push(divider());
  const h = v.history;
  blocks.push(
    section(
      [
        t("lecture.summary.history"),
        t("lecture.summary.held", { count: h.sessionsHeld }),
        t("lecture.summary.distinct", { count: h.distinctSpeakers }),
      ].join("\n"),
    ),
  );
  blocks.push(...turnSections(v, t));
  blocks.push(
    actions(LECTURE_BLOCK.summaryActions, [
      button(t("lecture.button.away"), LECTURE_ACTION.openAway, { value: "away" }),
    ]),
  );
  return { text: t("lecture.summary.text"), blocks };
}

function upcomingLine(s: UpcomingSession, t: Translator): string {
  const date = formatDate(s.date, t);
  if (s.skippedReason)
    return `• ${t("lecture.summary.skipped", { date, reason: skipReasonText(s.skippedReason, t) })}`;
  const speakers = s.speakers.length ? mentions(s.speakers, t) : t("lecture.summary.unassigned");
  if (s.movedFrom)
    return `• ${t("lecture.summary.moved", { date, from: formatDate(s.movedFrom, t), speakers })}`;
  return `• ${t("lecture.summary.line", { date, speakers })}`;
}

function turnSections(v: LecturesSummaryView, t: Translator): KnownBlock[] {
  const sorted = [...v.history.turns].sort(
    (a, b) => b.count - a.count || a.userId.localeCompare(b.userId),
  );
  if (sorted.length === 0) return [];
  const lines = sorted
    .slice(0, MAX_PEOPLE)
    .map((p) => `• ${t("lecture.summary.turnLine", { who: mention(p.userId), count: p.count })}`);
  const blocks: KnownBlock[] = [section(t("lecture.summary.turns"))];
  for (let i = 0; i < lines.length; i += LINES_PER_SECTION)
    blocks.push(section(lines.slice(i, i + LINES_PER_SECTION).join("\n")));
  if (sorted.length > MAX_PEOPLE)
    blocks.push(context(t("lecture.summary.more", { count: sorted.length - MAX_PEOPLE })));
  return blocks;
}
