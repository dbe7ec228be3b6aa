/**
 * Messages to the committee about all branches: the overdue list at the deadline, lists waiting
 * for a decision too long, and the month-end summary. One section per list of lines, so any
 * number of branches fits in a message.
 */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { channelLink, context, header, section } from "../../blocks.ts";
import { dateTime, esc, lines, periodLabel } from "./format.ts";
import type { ApprovalWaitingView, MonthSummaryView, OverdueView, SlackMessage } from "./model.ts";

/** Chunks of lines, each within a section's 3000 characters, at most `max` sections. */
function sections(list: readonly string[], max = 40): KnownBlock[] {
  const out: KnownBlock[] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const line of list) {
    if (size + line.length + 1 > 2900 && chunk.length > 0) {
      out.push(section(chunk.join("\n")));
      chunk = [];
      size = 0;
    }
    chunk.push(line);
    size += line.length + 1;
  }
  if (chunk.length > 0) out.push(section(lines(chunk)));
  return out.slice(0, max);
}

export function buildOverdueList(v: OverdueView, t: Translator): SlackMessage {
  const p = {
    month: periodLabel(v.period, t),
    deadline: dateTime(v.deadlineAt, v.tz, t),
    count: v.branches.length,
  };
  if (v.branches.length === 0) {
    const text = t("tasklist.overdue.none", p);
    return { text, blocks: [section(text)] };
  }
  const rows = v.branches.map(({ branch, state }) =>
    t(state === "RETURNED" ? "tasklist.overdue.rowReturned" : "tasklist.overdue.rowMissing", {
      branch: esc(branch.name),
      channel: channelLink(branch.channelId),
    }),
  );
  return {
    text: t("tasklist.overdue.text", p),
    blocks: [
      header(t("tasklist.overdue.header", p)),
      section(t("tasklist.overdue.intro", p)),
      ...sections(rows),
    ],
  };
}

export function buildApprovalWaiting(v: ApprovalWaitingView, t: Translator): SlackMessage {
  const p = { count: v.lists.length, hours: v.thresholdHours };
  const rows = v.lists.map((l) => {
    const row = t("tasklist.waiting.row", {
      branch: esc(l.branch.name),
      month: periodLabel(l.period, t),
      revision: l.revision,
      hours: Math.floor(l.waitingHours),
    });
    return l.link ? `${row} <${l.link}|${t("tasklist.waiting.open")}>` : row;
  });
  return {
    text: t("tasklist.waiting.text", p),
    blocks: [section(t("tasklist.waiting.intro", p)), ...sections(rows)],
  };
}

const STATE_KEY = {
  DRAFT: "tasklist.state.DRAFT",
  SUBMITTED: "tasklist.state.SUBMITTED",
  RETURNED: "tasklist.state.RETURNED",
  APPROVED: "tasklist.state.APPROVED",
} as const;

export function buildMonthSummary(v: MonthSummaryView, t: Translator): SlackMessage {
  const month = periodLabel(v.period, t);
  const rows = v.rows.map((r) => {
    const onTime =
      r.onTime === null
        ? t("tasklist.summary.notSubmitted")
        : t(r.onTime ? "tasklist.summary.onTime" : "tasklist.summary.late");
    const done = r.completion
      ? t("tasklist.summary.done", { ...r.completion })
      : t("tasklist.summary.noPlan");
    return `• *${esc(r.branch.name)}* — ${t(STATE_KEY[r.state])} · ${onTime} · ${done}`;
  });
  const approved = v.rows.filter((r) => r.state === "APPROVED").length;
  const onTime = v.rows.filter((r) => r.onTime === true).length;
  const done = v.rows.reduce((n, r) => n + (r.completion?.done ?? 0), 0);
  const total = v.rows.reduce((n, r) => n + (r.completion?.total ?? 0), 0);
  const p = { month, branches: v.rows.length, approved, onTime, done, total };
  return {
    text: t("tasklist.summary.text", p),
    blocks: [
      header(t("tasklist.summary.header", p)),
      context(t("tasklist.summary.totals", p)),
      ...sections(rows),
    ],
  };
}
