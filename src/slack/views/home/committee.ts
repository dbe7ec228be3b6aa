/** The committee's sections of the Home: the month at a glance, what waits, lectures, the year. */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, context, divider, fields, header, section } from "../../blocks.ts";
import { HOME_ACTION, HOME_BLOCK } from "../../ids/home.ts";
import { formatWhen } from "../lecture/format.ts";
import { dateTime, periodLabel } from "../tasklist/format.ts";
import { listValue } from "../tasklist/refs.ts";
import { esc, mention, nameList, percent, stateLabel } from "./format.ts";
import { BRANCH_STATES, type CommitteeModel, type WaitingRow } from "./model.ts";
import { pageValue } from "./values.ts";

function glance(m: CommitteeModel, t: Translator): KnownBlock[] {
  const counts = BRANCH_STATES.map((s) => `*${stateLabel(s, t)}*\n${m.counts[s]}`);
  const lines = BRANCH_STATES.filter((s) => m.names[s].length > 0).map((s) =>
    t("home.committee.stateLine", {
      state: stateLabel(s, t),
      count: m.counts[s],
      names: nameList(m.names[s], t),
    }),
  );
  return [
    header(t("home.committee.header", { month: periodLabel(m.period, t) })),
    { ...fields(counts), block_id: HOME_BLOCK.glance },
    lines.length > 0 ? section(lines.join("\n")) : context(t("home.committee.noBranches")),
  ];
}

function waitingRow(r: WaitingRow, tz: string, t: Translator): KnownBlock[] {
  const text = [
    `*${esc(r.branchName)}*${r.isAmendment ? ` · ${t("home.waiting.amendment")}` : ""}`,
    t("home.waiting.submitted", {
      revision: r.revision,
      by: mention(r.submittedBy),
      at: dateTime(r.submittedAt, tz, t),
    }) + (r.late ? ` · ${t("home.waiting.late")}` : ""),
  ].join("\n");
  if (r.ownBranch) return [section(text), context(t("home.waiting.ownBranch"))];
  const value = listValue({ listId: r.listId, revision: r.revision });
  const open = button(t("home.button.open"), HOME_ACTION.open, { value });
  const decide = r.canDecide
    ? [
        button(t("home.button.approve"), HOME_ACTION.approve, { value, style: "primary" }),
        button(t("home.button.return"), HOME_ACTION.return, { value, style: "danger" }),
      ]
    : [];
  return [section(text), actions(`${HOME_BLOCK.waiting}${r.listId}`, [...decide, open])];
}

function pager(m: CommitteeModel, t: Translator): KnownBlock[] {
  const { page, pages } = m.waiting;
  if (pages <= 1) return [];
  const buttons = [
    ...(page > 0
      ? [
          button(t("home.button.previous"), HOME_ACTION.page, {
            value: pageValue("waiting", page - 1),
          }),
        ]
      : []),
    ...(page < pages - 1
      ? [button(t("home.button.next"), HOME_ACTION.page, { value: pageValue("waiting", page + 1) })]
      : []),
  ];
  return [
    context(t("home.waiting.page", { page: page + 1, pages, total: m.waiting.total })),
    actions(HOME_BLOCK.waitingPager, buttons),
  ];
}

function lectures(m: CommitteeModel, tz: string, t: Translator): KnownBlock {
  const lines = m.sessions.map((s) => {
    const who = s.speakers.length ? s.speakers.map(mention).join(" ") : t("home.lecture.noSpeaker");
    return `• ${formatWhen(s.startsAt, tz, t)} — ${who}`;
  });
  return section(
    [t("home.lecture.upcoming"), ...(lines.length ? lines : [t("home.lecture.none")])].join("\n"),
  );
}

function year(m: CommitteeModel, t: Translator): KnownBlock[] {
  const y = m.year;
  return [
    section(t("home.year.header", { year: y.year })),
    fields([
      `*${t("home.year.onTime")}*\n${t("home.ratio", { part: y.approvedOnTime, whole: y.listsDue, percent: percent(y.approvedOnTime, y.listsDue) })}`,
      `*${t("home.year.completion")}*\n${t("home.percentOf", { percent: percent(y.itemsDone, y.itemsPlanned), part: y.itemsDone, whole: y.itemsPlanned })}`,
      `*${t("home.year.sessions")}*\n${y.sessionsHeld}`,
    ]),
  ];
}

export function committeeBlocks(m: CommitteeModel, tz: string, t: Translator): KnownBlock[] {
  const w = m.waiting;
  return [
    ...glance(m, t),
    divider(),
    section(w.total ? t("home.waiting.header", { count: w.total }) : t("home.waiting.none")),
    ...w.rows.flatMap((r) => waitingRow(r, tz, t)),
    ...pager(m, t),
    divider(),
    lectures(m, tz, t),
    ...year(m, t),
  ];
}
