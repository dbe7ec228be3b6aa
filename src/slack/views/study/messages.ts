/**
 * The study messages: the channel notice (one builder for every state, so an update never
 * drifts), each expected person's invitation with the materials, a draw in the notice's
 * thread, a make-up request. Person-typed text (topic, reasons, notes, titles) is escaped.
 */
import type { KnownBlock } from "@slack/types";
import { formatDateTime, formatDay } from "../../../i18n/dates.ts";
import type { Translator } from "../../../i18n/index.ts";
import type {
  DrawView,
  InviteView,
  MakeUpView,
  SessionView,
  StudyMessage,
  StudyPresenter,
} from "../../../ports/study.ts";
import {
  actions,
  button,
  context,
  divider,
  header,
  mention,
  section,
  truncate,
} from "../../blocks.ts";
import { STUDY_ACTION, STUDY_BLOCK } from "../../ids/study.ts";
import { esc } from "../lecture/format.ts";
import { projectNews, projectReview } from "./projects.ts";

const kindName = (v: SessionView, t: Translator) => t(`study.kind.${v.kind}`);

function title(v: SessionView, t: Translator): string {
  const kind = kindName(v, t);
  return truncate(
    v.branchName ? t("study.notice.headerBranch", { kind, branch: v.branchName }) : kind,
    150,
  );
}

export function materialLines(v: SessionView, t: Translator): string {
  if (v.materials.length === 0) return t("study.notice.noMaterials");
  const links = v.materials.map((m) => `• <${m.url}|${esc(m.title).replace(/\|/g, "¦")}>`);
  return `${t("study.notice.materials")}\n${links.join("\n")}`;
}

function facts(v: SessionView, t: Translator): string {
  const when = formatDateTime(v.startsAt, v.timezone, t);
  return [
    t("study.notice.when", { when, minutes: v.minutes }),
    t("study.notice.topic", { topic: esc(v.topic) }),
    t("study.notice.chair", { chair: mention(v.chair) }),
  ].join("\n");
}

function notice(v: SessionView, t: Translator): StudyMessage {
  const when = formatDateTime(v.startsAt, v.timezone, t);
  const counts = v.attendance
    ? t("study.notice.attendance", v.attendance)
    : t("study.notice.answers", {
        expected: v.expected,
        confirmed: v.confirmed.length,
        excused: v.excused.length,
      });
  const blocks: KnownBlock[] = [
    header(title(v, t)),
    section(facts(v, t)),
    section(materialLines(v, t)),
    context(counts),
  ];
  if (v.draws.length > 0) {
    const lines = v.draws.map((d) => drawLine(d, t));
    blocks.push(section(truncate(`${t("study.notice.draws")}\n${lines.join("\n")}`, 3000)));
  }
  const buttons = [];
  if (v.kind === "centre-group") {
    buttons.push(
      button(t("study.button.draw"), STUDY_ACTION.draw, { value: String(v.id), style: "primary" }),
    );
  }
  buttons.push(
    button(t("study.button.attendance"), STUDY_ACTION.openAttendance, { value: String(v.id) }),
  );
  blocks.push(divider(), actions(STUDY_BLOCK.noticeActions, buttons));
  return {
    text: t("study.notice.text", { kind: kindName(v, t), when, topic: v.topic }),
    blocks,
  };
}

function drawLine(d: DrawView, t: Translator): string {
  const who = mention(d.userId);
  const line = t(`study.draw.line.${d.outcome}`, { seq: d.seq, who });
  return d.outOfTurn ? `${line} ${t("study.draw.outOfTurn")}` : line;
}

/**
 * The chair's answer when nobody present is due: who is owed a turn (absent), and the offer to
 * draw out of turn among the fewest-spoken present (docs/decisions/study-draw-out-of-turn.md).
 */
export function nobodyDueMessage(
  v: { sessionId: number; owed: readonly string[] },
  t: Translator,
): { text: string; blocks: KnownBlock[] } {
  const text = t("study.draw.nobodyDue", {
    owed: v.owed.length > 0 ? v.owed.slice(0, 30).map(mention).join(" ") : "—",
  });
  if (v.owed.length === 0) return { text, blocks: [section(text)] };
  return {
    text,
    blocks: [
      section(text),
      actions(STUDY_BLOCK.drawActions, [
        button(t("study.button.drawOutOfTurn"), STUDY_ACTION.drawOutOfTurn, {
          value: String(v.sessionId),
        }),
      ]),
    ],
  };
}

function invite(v: InviteView, t: Translator): StudyMessage {
  const s = v.session;
  const when = formatDateTime(s.startsAt, s.timezone, t);
  const blocks: KnownBlock[] = [
    header(title(s, t)),
    section(`${t("study.invite.intro", { kind: kindName(s, t) })}\n${facts(s, t)}`),
    section(materialLines(s, t)),
  ];
  const state =
    v.response === "confirmed"
      ? t("study.invite.confirmed")
      : v.response === "excused"
        ? t("study.invite.excused", { reason: esc(v.reason ?? "") })
        : null;
  if (state) blocks.push(context(state));
  if (!v.closed) {
    blocks.push(
      actions(STUDY_BLOCK.inviteActions, [
        button(t("study.button.confirm"), STUDY_ACTION.confirm, {
          value: String(s.id),
          style: "primary",
        }),
        button(t("study.button.excuse"), STUDY_ACTION.openExcuse, { value: String(s.id) }),
      ]),
    );
  } else {
    blocks.push(context(t("study.invite.closed")));
  }
  return { text: t("study.invite.text", { kind: kindName(s, t), when, topic: s.topic }), blocks };
}

function draw(d: DrawView, s: SessionView, t: Translator): StudyMessage {
  const text = drawLine(d, t);
  const blocks: KnownBlock[] = [section(text)];
  if (d.outcome === "pending") {
    blocks.push(
      actions(STUDY_BLOCK.drawActions, [
        button(t("study.button.spoke"), STUDY_ACTION.drawSpoke, {
          value: String(d.id),
          style: "primary",
        }),
        button(t("study.button.absent"), STUDY_ACTION.drawAbsent, {
          value: String(d.id),
          style: "danger",
        }),
      ]),
      context(t("study.draw.chairOnly", { chair: mention(s.chair) })),
    );
  }
  return { text, blocks };
}

function makeUp(v: MakeUpView, t: Translator): StudyMessage {
  const s = v.session;
  const when = formatDateTime(s.startsAt, s.timezone, t);
  const due = formatDay(v.due, t);
  const intro =
    v.note !== null
      ? t("study.makeUp.done", { kind: kindName(s, t), when })
      : t(v.reminder ? "study.makeUp.reminder" : "study.makeUp.ask", {
          kind: kindName(s, t),
          when,
          due,
        });
  const blocks: KnownBlock[] = [section(intro), section(`${facts(s, t)}\n${materialLines(s, t)}`)];
  if (v.note !== null) {
    blocks.push(context(t("study.makeUp.yourNote", { note: esc(truncate(v.note, 2000)) })));
  } else {
    blocks.push(
      actions(STUDY_BLOCK.makeUpActions, [
        button(t("study.button.makeUp"), STUDY_ACTION.openMakeUp, {
          value: String(s.id),
          style: "primary",
        }),
      ]),
    );
  }
  return { text: intro, blocks };
}

export const studyPresenter: StudyPresenter = {
  notice,
  invite,
  draw,
  makeUp,
  projectReview,
  projectNews,
};
