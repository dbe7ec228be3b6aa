/** The class representative's DM (a branch's rotating "课代表"), keyed by the turn's state. */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, context, section } from "../../blocks.ts";
import { LECTURE_ACTION, LECTURE_BLOCK } from "../../ids/lecture.ts";
import { esc, formatDate, formatMonth } from "./format.ts";
import type { ClassRepView, LectureMessage } from "./model.ts";

export function buildClassRepDm(v: ClassRepView, t: Translator): LectureMessage {
  const period =
    v.cadence === "weekly"
      ? t("lecture.classRep.weekly", { date: formatDate(v.date, t) })
      : t("lecture.classRep.monthly", { month: formatMonth(v.date.slice(0, 7), t) });
  const text = t("lecture.classRep.text", { branch: esc(v.branchName), period });
  const blocks: KnownBlock[] = [
    section(t("lecture.classRep.body", { branch: esc(v.branchName), period })),
  ];
  if (v.state === "assigned") {
    const value = String(v.turnId);
    blocks.push(
      actions(LECTURE_BLOCK.classRepActions, [
        button(t("lecture.button.confirm"), LECTURE_ACTION.classRepConfirm, {
          value,
          style: "primary",
        }),
        button(t("lecture.button.drop"), LECTURE_ACTION.classRepDrop, { value, style: "danger" }),
      ]),
    );
  } else {
    blocks.push(
      context(
        t(v.state === "confirmed" ? "lecture.classRep.confirmed" : "lecture.classRep.dropped"),
      ),
    );
  }
  return { text, blocks };
}
