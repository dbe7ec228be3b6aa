/**
 * A submitted revision in the committee channel: items by category, what changed since the
 * previous revision, the thread's comments, and Approve / Return while it waits. Updated in
 * place when decided or withdrawn (the decision buttons go).
 */
import type { Button, KnownBlock } from "@slack/types";
import { groupByCategory } from "../../../domain/task-list-items.ts";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, context, fields, header, mention, section } from "../../blocks.ts";
import { TASKLIST_ACTION, TASKLIST_BLOCK } from "../../ids/tasklist.ts";
import { changesText } from "./changes.ts";
import { categoryLabel, dateTime, esc, itemLine, lines, periodLabel } from "./format.ts";
import type { CommitteeView, SlackMessage } from "./model.ts";
import { listValue } from "./refs.ts";

function outcome(v: CommitteeView, t: Translator): string | undefined {
  const d = v.decision;
  if (v.state === "approved" && d)
    return t("tasklist.committee.approved", { by: mention(d.by), at: dateTime(d.at, v.tz, t) });
  if (v.state === "returned" && d)
    return t("tasklist.committee.returned", {
      by: mention(d.by),
      at: dateTime(d.at, v.tz, t),
      comment: esc(d.comment ?? ""),
    });
  if (v.state === "withdrawn")
    return t("tasklist.committee.withdrawn", {
      at: v.withdrawnAt ? dateTime(v.withdrawnAt, v.tz, t) : "",
    });
  if (v.state === "superseded") return t("tasklist.committee.superseded");
  return undefined;
}

function buttons(v: CommitteeView, t: Translator): Button[] {
  const ref = listValue({ listId: v.listId, revision: v.revision });
  const full = button(t("tasklist.button.fullList"), TASKLIST_ACTION.openFullList, { value: ref });
  if (v.state !== "pending") return [full];
  return [
    button(t("tasklist.button.approve"), TASKLIST_ACTION.approve, { value: ref, style: "primary" }),
    button(t("tasklist.button.return"), TASKLIST_ACTION.return, { value: ref, style: "danger" }),
    full,
  ];
}

function comments(v: CommitteeView, t: Translator): KnownBlock[] {
  const out: KnownBlock[] = [
    context(t("tasklist.committee.comments", { count: v.comments.count })),
  ];
  const latest = v.comments.latest.slice(-3).map((c) => `${mention(c.authorId)}: ${esc(c.text)}`);
  if (latest.length > 0) out.push(section(lines(latest.map((l) => `> ${l.replace(/\n/g, " ")}`))));
  return out;
}

export function buildCommitteeMessage(v: CommitteeView, t: Translator): SlackMessage {
  const month = periodLabel(v.period, t);
  const p = { branch: esc(v.branch.name), month, revision: v.revision };
  const info = [
    t("tasklist.committee.branch", { branch: p.branch }),
    t("tasklist.committee.month", { month }),
    t(v.isAmendment ? "tasklist.committee.revisionAmendment" : "tasklist.committee.revision", p),
    t("tasklist.committee.submitted", {
      by: mention(v.submittedBy),
      at: dateTime(v.submittedAt, v.tz, t),
    }),
  ];
  const blocks: KnownBlock[] = [
    header(t("tasklist.committee.header", { ...p, branch: v.branch.name })),
    fields(info),
  ];
  if (v.late) blocks.push(context(t("tasklist.committee.late")));
  for (const g of groupByCategory(v.items)) {
    const head = t("tasklist.committee.category", {
      category: categoryLabel(g.category, t),
      count: g.items.length,
    });
    blocks.push(section(lines([head, ...g.items.map((i) => itemLine(i, t))])));
  }
  if (v.items.length === 0) blocks.push(section(t("tasklist.committee.noItems")));
  if (v.changes) blocks.push(section(changesText(v.changes, t)));
  blocks.push(...comments(v, t));
  const said = outcome(v, t);
  if (said) blocks.push(section(said));
  blocks.push(actions(TASKLIST_BLOCK.committeeActions, buttons(v, t)));
  const textKey = `tasklist.committee.text.${v.state}` as const;
  return { text: t(textKey, { ...p, count: v.items.length }), blocks };
}
