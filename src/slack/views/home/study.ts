/**
 * Study on the Home: the person's coming sessions (with their answer), their record this year,
 * the make-ups they owe and their youth projects (with the buttons they may press); a
 * secretary's branch study this year; the committee's figures and the results to review.
 * At most 20 blocks: lists are cut to a few rows, the rest is in `/pbb study` and the report.
 */
import type { KnownBlock } from "@slack/types";
import { formatDateTime, formatDay } from "../../../i18n/dates.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { StudyHomeView } from "../../../ports/study.ts";
import { actions, button, context, fields, header, section, truncate } from "../../blocks.ts";
import { STUDY_ACTION } from "../../ids/study.ts";
import { projectBlocks } from "../study/projects.ts";
import { esc, percent } from "./format.ts";

const PROJECTS_SHOWN = 3;

function memberLines(v: StudyHomeView, t: Translator): string[] {
  const lines: string[] = [];
  for (const s of v.upcoming) {
    const answer = s.response
      ? t(`study.home.response.${s.response}`)
      : t("study.home.response.none");
    lines.push(
      `• ${t("study.summary.comingLine", {
        kind: t(`study.kind.${s.kind}`),
        topic: esc(truncate(s.topic, 100)),
        when: formatDateTime(s.startsAt, v.timezone, t),
      })} · ${answer}`,
    );
  }
  if (v.upcoming.length === 0) lines.push(t("study.home.noneComing"));
  lines.push(
    v.mine
      ? t("study.home.mine", { year: v.year, ...v.mine })
      : t("study.home.noRecord", { year: v.year }),
  );
  for (const o of v.owed.slice(0, 3)) {
    lines.push(
      `• ${t("study.summary.owedLine", { topic: esc(truncate(o.topic, 100)), due: formatDay(o.due, t) })}`,
    );
  }
  return lines;
}

function committeeBlocks(
  c: NonNullable<StudyHomeView["committee"]>,
  v: StudyHomeView,
  t: Translator,
) {
  const blocks: KnownBlock[] = [
    section(t("study.home.committee", { year: v.year })),
    fields([
      `*${t("study.home.held")}*\n${c.held}`,
      `*${t("study.home.attendance")}*\n${t("study.home.ratio", { part: c.attended, whole: c.expected, percent: percent(c.attended, c.expected) })}`,
      `*${t("study.home.madeUp")}*\n${c.madeUp}`,
      `*${t("study.home.projects")}*\n${t("study.home.projectsValue", { count: c.projects, accepted: c.accepted })}`,
    ]),
  ];
  if (c.toReview.length > 0) {
    blocks.push(section(t("study.home.toReview", { count: c.toReview.length })));
    blocks.push(...c.toReview.slice(0, PROJECTS_SHOWN).flatMap((p) => projectBlocks(p, t)));
  }
  return blocks;
}

export function studyBlocks(v: StudyHomeView, t: Translator): KnownBlock[] {
  const blocks: KnownBlock[] = [header(t("study.home.header"))];
  if (v.committee) blocks.push(...committeeBlocks(v.committee, v, t));
  for (const b of v.branches.slice(0, 3)) {
    blocks.push(
      section(
        t("study.home.branch", {
          branch: esc(b.name),
          held: b.held,
          attended: b.attended,
          expected: b.expected,
          percent: percent(b.attended, b.expected),
          madeUp: b.madeUp,
        }),
      ),
    );
  }
  blocks.push(section(memberLines(v, t).join("\n")));
  const buttons = [
    ...(v.owed[0]
      ? [
          button(
            t("study.button.makeUpFor", { topic: truncate(v.owed[0].topic, 40) }),
            STUDY_ACTION.openMakeUp,
            {
              value: String(v.owed[0].sessionId),
            },
          ),
        ]
      : []),
    ...(v.canSchedule ? [button(t("study.button.new"), STUDY_ACTION.openNew)] : []),
    button(t("study.button.newProject"), STUDY_ACTION.openNewProject),
  ];
  blocks.push(actions(undefined, buttons));
  if (v.projects.length > 0) {
    blocks.push(section(t("study.home.myProjects")));
    blocks.push(...v.projects.slice(0, PROJECTS_SHOWN).flatMap((p) => projectBlocks(p, t)));
  }
  blocks.push(context(t("study.home.footer")));
  return blocks;
}
