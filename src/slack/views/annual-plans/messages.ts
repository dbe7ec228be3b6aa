/**
 * The annual plans' messages: the branch's request (each plan's state and its button), the
 * committee's message for a revision (items, changes since the one before, Approve / Return or
 * how it was decided), the returned and approved notices, the secretaries' DM.
 */
import type { KnownBlock } from "@slack/types";
import { MAX_PLAN_ITEMS } from "../../../domain/annual-plan.ts";
import { amendmentUnderReview, revisionOf, snapshotOf } from "../../../domain/task-list.ts";
import {
  diffRevisions,
  type ItemField,
  type TaskItemData,
} from "../../../domain/task-list-items.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type {
  BranchYear,
  PlanItemRecord,
  PlanOrg,
  PlanRecord,
  PlanRevisionRecord,
  SlackMessage,
} from "../../../ports/annual-plans.ts";
import { actions, button, context, header, mention, section } from "../../blocks.ts";
import { PLAN_ACTION, PLAN_BLOCK } from "../../ids/annual-plans.ts";
import { dateTime } from "../tasklist/format.ts";
import { chunks, esc, itemLine, kindLabel } from "./format.ts";
import { itemsActions } from "./items.ts";

export const planValue = (planId: number, revision?: number): string =>
  revision === undefined ? String(planId) : `${planId}:${revision}`;

export function parsePlanValue(
  value: string | undefined,
): { planId: number; revision?: number } | null {
  const m = /^(\d{1,9})(?::(\d{1,4}))?$/.exec(value ?? "");
  if (!m) return null;
  return m[2] === undefined
    ? { planId: Number(m[1]) }
    : { planId: Number(m[1]), revision: Number(m[2]) };
}

function stateText(plan: PlanRecord, t: Translator): string {
  const snap = snapshotOf(plan);
  if (amendmentUnderReview(snap)) return t("annualPlans.state.amending");
  return t(`annualPlans.state.${plan.state}` as MessageKey);
}

/** The open button's label by the plan's state (a draft's: fill). */
const OPEN_LABEL: Partial<Record<PlanRecord["state"], MessageKey>> = {
  RETURNED: "annualPlans.button.revise",
  APPROVED: "annualPlans.button.amend",
};

function planButton(plan: PlanRecord, t: Translator) {
  const snap = snapshotOf(plan);
  const value = planValue(plan.id);
  if (plan.state === "SUBMITTED" || amendmentUnderReview(snap))
    return button(t("annualPlans.button.withdraw"), PLAN_ACTION.withdraw, {
      value,
      style: "danger",
    });
  const label = OPEN_LABEL[plan.state] ?? "annualPlans.button.fill";
  return button(t(label), PLAN_ACTION.open, {
    value,
    ...(plan.state === "APPROVED" ? {} : { style: "primary" as const }),
  });
}

export function requestMessage(year: BranchYear, org: PlanOrg): SlackMessage {
  const { t } = org;
  const due = year.dueAt ? dateTime(year.dueAt, org.tz, t) : "";
  const text = t("annualPlans.request.text", {
    branch: esc(year.branch.name),
    year: year.year,
    due,
    max: MAX_PLAN_ITEMS,
  });
  const blocks: KnownBlock[] = [
    header(t("annualPlans.request.header", { year: year.year })),
    section(text),
  ];
  for (const plan of year.plans) {
    const line = t("annualPlans.request.line", {
      kind: kindLabel(plan, t),
      state: stateText(plan, t),
    });
    blocks.push(
      section(line, {
        block_id: `${PLAN_BLOCK.requestActions}${plan.id}`,
        accessory: planButton(plan, t),
      }),
    );
  }
  return { text, blocks };
}

const FIELD_KEY: Partial<Record<ItemField, MessageKey>> = {
  title: "annualPlans.field.title",
  dueDate: "annualPlans.field.target",
  ownerUserId: "annualPlans.field.owner",
  expectedResult: "annualPlans.field.expected",
};

/** A plan item in the shape the monthly list's revision diff compares (the target as its date). */
const comparable = (item: PlanItemRecord): TaskItemData & { item: PlanItemRecord } => ({
  title: item.title,
  category: "OTHER",
  ownerUserId: item.ownerUserId,
  dueDate: item.target,
  expectedResult: item.expectedResult,
  item,
});

function changesLines(prev: PlanRevisionRecord, rev: PlanRevisionRecord, t: Translator): string[] {
  const diff = diffRevisions(prev.items.map(comparable), rev.items.map(comparable));
  const out = [`*${t("annualPlans.changes.header", { since: prev.number })}*`];
  if (diff.added.length + diff.removed.length + diff.changed.length === 0)
    return [...out, t("annualPlans.changes.none")];
  for (const a of diff.added)
    out.push(
      `➕ ${t("annualPlans.changes.added", { item: itemLine(a.item, t, a.item.position + 1) })}`,
    );
  for (const r of diff.removed)
    out.push(`➖ ${t("annualPlans.changes.removed", { item: esc(r.title) })}`);
  for (const c of diff.changed) {
    const title = c.fields.includes("title")
      ? `${esc(c.before.title)} → ${esc(c.after.title)}`
      : esc(c.after.title);
    const fields = c.fields.flatMap((f) => (FIELD_KEY[f] ? [t(FIELD_KEY[f])] : [])).join(", ");
    out.push(`✏️ ${t("annualPlans.changes.changed", { item: title, fields })}`);
  }
  if (diff.unchanged > 0) out.push(t("annualPlans.changes.unchanged", { count: diff.unchanged }));
  return out;
}

function decisionLine(plan: PlanRecord, rev: PlanRevisionRecord, org: PlanOrg, withdrawnAt?: Date) {
  const { t } = org;
  const d = rev.decision;
  if (d?.kind === "APPROVED")
    return t("annualPlans.committee.approved", {
      who: mention(d.decidedBy),
      at: dateTime(d.decidedAt, org.tz, t),
    });
  if (d?.kind === "RETURNED")
    return t("annualPlans.committee.returned", {
      who: mention(d.decidedBy),
      at: dateTime(d.decidedAt, org.tz, t),
      comment: esc(d.comment ?? ""),
    });
  if (rev.status === "WITHDRAWN")
    return t("annualPlans.committee.withdrawn", {
      at: withdrawnAt ? dateTime(withdrawnAt, org.tz, t) : "",
    });
  if (rev.number !== plan.currentRevision || rev.status === "SUPERSEDED")
    return t("annualPlans.committee.superseded");
  return null;
}

export function committeeMessage(
  plan: PlanRecord,
  rev: PlanRevisionRecord,
  org: PlanOrg,
  withdrawnAt?: Date,
): SlackMessage {
  const { t } = org;
  const text = t(
    rev.isAmendment ? "annualPlans.committee.amendment" : "annualPlans.committee.submitted",
    {
      branch: esc(plan.branch.name),
      year: plan.year,
      kind: kindLabel(plan, t),
      revision: rev.number,
      count: rev.items.length,
    },
  );
  const blocks: KnownBlock[] = [section(text)];
  const items = rev.items.map((item, i) => itemLine(item, t, i + 1));
  for (const chunk of chunks(items)) blocks.push(section(chunk));
  const prev = revisionOf(plan, rev.number - 1);
  if (prev) for (const chunk of chunks(changesLines(prev, rev, t))) blocks.push(section(chunk));
  const decided = decisionLine(plan, rev, org, withdrawnAt);
  if (decided) blocks.push(context(decided));
  else
    blocks.push(
      actions(PLAN_BLOCK.committeeActions, [
        button(t("annualPlans.button.approve"), PLAN_ACTION.approve, {
          value: planValue(plan.id, rev.number),
          style: "primary",
        }),
        button(t("annualPlans.button.return"), PLAN_ACTION.return, {
          value: planValue(plan.id, rev.number),
          style: "danger",
        }),
      ]),
    );
  return { text, blocks };
}

export function returnedMessage(
  plan: PlanRecord,
  rev: PlanRevisionRecord,
  org: PlanOrg,
): SlackMessage | null {
  if (rev.decision?.kind !== "RETURNED") return null;
  const { t } = org;
  const text = t("annualPlans.returned.text", {
    year: plan.year,
    kind: kindLabel(plan, t),
    comment: esc(rev.decision.comment ?? ""),
  });
  return {
    text,
    blocks: [
      section(text, {
        accessory: button(t("annualPlans.button.revise"), PLAN_ACTION.open, {
          value: planValue(plan.id),
          style: "primary",
        }),
      }),
    ],
  };
}

export function approvedMessage(plan: PlanRecord, org: PlanOrg): SlackMessage | null {
  const rev = revisionOf(plan, plan.approvedRevision);
  if (!rev) return null;
  const { t } = org;
  const text = t("annualPlans.approved.text", {
    year: plan.year,
    kind: kindLabel(plan, t),
    count: rev.items.length,
  });
  const blocks: KnownBlock[] = [section(text)];
  for (const chunk of chunks(rev.items.map((item, i) => itemLine(item, t, i + 1))))
    blocks.push(section(chunk));
  if (rev.items.some((i) => i.status === "OPEN")) blocks.push(itemsActions(plan.id, t));
  return { text, blocks };
}

export function secretaryDm(
  plan: PlanRecord,
  rev: PlanRevisionRecord,
  org: PlanOrg,
): SlackMessage | null {
  const { t } = org;
  const d = rev.decision;
  if (!d) return null;
  const params = { year: plan.year, kind: kindLabel(plan, t), branch: esc(plan.branch.name) };
  const text =
    d.kind === "APPROVED"
      ? t("annualPlans.dm.approved", params)
      : t("annualPlans.dm.returned", { ...params, comment: esc(d.comment ?? "") });
  return { text, blocks: [section(text)] };
}
