/**
 * The quarter's tracking: the branch's message (done / in progress / overdue, each overdue item
 * with its reason once given, the "Give reasons" button while some miss one), its follow-up, a
 * page of the committee's table, and the reasons modal (a reason and a new date per overdue
 * item) with what it sends back.
 */
import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import { MAX_REASON } from "../../../domain/annual-plan-months.ts";
import { formatDay } from "../../../i18n/dates.ts";
import type { Translator } from "../../../i18n/index.ts";
import type {
  BranchQuarterView,
  CommitteeQuarterView,
  PlanOrg,
  QuarterItemView,
  ReasonsForm,
  SlackMessage,
} from "../../../ports/annual-plans.ts";
import {
  actions,
  button,
  context,
  featureModal,
  header,
  mention,
  section,
  truncate,
} from "../../blocks.ts";
import { PLAN_ACTION, PLAN_BLOCK, PLAN_CALLBACK, reasonBlock } from "../../ids/annual-plans.ts";
import { datePicker, optionalInput, textBox } from "../../inputs.ts";
import { chunks, esc, targetLabel } from "./format.ts";

const who = (ids: readonly string[]) => ids.map(mention).join(" ");

function line(i: QuarterItemView, t: Translator): string {
  const base = `• ${esc(i.title)} · ${targetLabel(i.target, t)}`;
  if (!i.answer) return base;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(i.answer.date) ? formatDay(i.answer.date, t) : "";
  return `${base} — ${t("annualPlans.quarter.reason", { reason: esc(i.answer.reason), date })}`;
}

function group(title: string, items: readonly QuarterItemView[], t: Translator): KnownBlock[] {
  if (items.length === 0) return [];
  return chunks([title, ...items.map((i) => line(i, t))]).map((c) => section(c));
}

export const quarterValue = (v: { year: number; quarter: number; branchId: number }) =>
  `${v.year}:${v.quarter}:${v.branchId}`;

export function parseQuarterValue(
  value: string | undefined,
): { year: number; quarter: number; branchId: number } | null {
  const m = /^(\d{4}):([1-4]):(\d{1,9})$/.exec(value ?? "");
  return m ? { year: Number(m[1]), quarter: Number(m[2]), branchId: Number(m[3]) } : null;
}

export function quarterBranchMessage(v: BranchQuarterView, org: PlanOrg): SlackMessage {
  const { t } = org;
  const p = {
    branch: esc(v.branch.name),
    year: v.year,
    quarter: v.quarter,
    done: v.done.length,
    open: v.inProgress.length,
    overdue: v.overdue.length,
  };
  const text = t("annualPlans.quarter.text", p);
  const blocks: KnownBlock[] = [
    header(truncate(t("annualPlans.quarter.header", p), 150)),
    section(text),
  ];
  const total = v.done.length + v.inProgress.length + v.overdue.length;
  if (total === 0) blocks.push(context(t("annualPlans.quarter.none")));
  blocks.push(
    ...group(t("annualPlans.quarter.done", { count: v.done.length }), v.done, t),
    ...group(t("annualPlans.quarter.inProgress", { count: v.inProgress.length }), v.inProgress, t),
    ...group(t("annualPlans.quarter.overdue", { count: v.overdue.length }), v.overdue, t),
  );
  if (v.overdue.length > 0) {
    const answered = v.overdue.length - v.missing;
    blocks.push(
      context(
        v.missing > 0
          ? t("annualPlans.quarter.ask", { who: who(v.branch.secretaries) })
          : t("annualPlans.quarter.answered", { count: answered, total: v.overdue.length }),
      ),
    );
  }
  if (v.missing > 0)
    blocks.push(
      actions(PLAN_BLOCK.quarterActions, [
        button(t("annualPlans.quarter.button"), PLAN_ACTION.reasons, {
          value: quarterValue({ year: v.year, quarter: v.quarter, branchId: v.branch.id }),
          style: "primary",
        }),
      ]),
    );
  return { text, blocks };
}

export function quarterFollowUpMessage(v: BranchQuarterView, org: PlanOrg): SlackMessage {
  const text = org.t("annualPlans.quarter.followUp", {
    who: who(v.branch.secretaries),
    count: v.missing,
    year: v.year,
    quarter: v.quarter,
  });
  return { text, blocks: [section(text)] };
}

export function quarterCommitteeMessage(v: CommitteeQuarterView, org: PlanOrg): SlackMessage {
  const { t } = org;
  const p = { year: v.year, quarter: v.quarter, branches: v.branches, ...v.totals };
  const text = t("annualPlans.quarter.committeeText", p);
  const rows = v.rows.map((r) =>
    r.row.total === 0
      ? t("annualPlans.quarter.rowEmpty", { branch: esc(r.name) })
      : t("annualPlans.quarter.row", { branch: esc(r.name), ...r.row }),
  );
  const notes = [t("annualPlans.quarter.home")];
  if (v.pages > 1)
    notes.unshift(
      t("annualPlans.quarter.page", {
        from: v.from,
        to: v.from + v.rows.length - 1,
        count: v.branches,
      }),
    );
  return {
    text,
    blocks: [
      header(truncate(t("annualPlans.quarter.committeeHeader", p), 150)),
      section(text),
      ...chunks(rows).map((c) => section(c)),
      context(...notes),
    ],
  };
}

const modal = featureModal("annualPlans.reasons.submit", "annualPlans.reasons.close");

export function reasonsModal(f: ReasonsForm, t: Translator): ModalView {
  const meta = quarterValue({ year: f.year, quarter: f.quarter, branchId: f.branch.id });
  const blocks: KnownBlock[] = [
    section(
      `*${esc(f.branch.name)}* · ${t("annualPlans.reasons.intro", { year: f.year, quarter: f.quarter })}`,
    ),
  ];
  if (f.items.length === 0) blocks.push(section(t("annualPlans.reasons.none")));
  for (const i of f.items) {
    const title = truncate(i.title, 150);
    blocks.push(
      optionalInput(
        reasonBlock(i.id, "reason"),
        t("annualPlans.reasons.reason", { title }),
        textBox(PLAN_ACTION.reasonText, { max: MAX_REASON }),
      ),
      optionalInput(
        reasonBlock(i.id, "date"),
        t("annualPlans.reasons.date", { title }),
        datePicker(PLAN_ACTION.reasonDate),
      ),
    );
  }
  if (f.more > 0)
    blocks.push(
      context(
        t("annualPlans.month.offerCapped", {
          count: f.items.length,
          total: f.items.length + f.more,
        }),
      ),
    );
  return modal(PLAN_CALLBACK.reasonsModal, t("annualPlans.reasons.title"), meta, blocks, t);
}

const element = z
  .object({ value: z.string().nullish(), selected_date: z.string().nullish() })
  .loose();
const values = z.record(z.string(), z.record(z.string(), element));
const REASON_BLOCK = /^annual_plan_reason_(\d{1,9})_(reason|date)$/;

/** What was typed per item (the items on screen, in order). */
export function readReasons(
  raw: unknown,
): { itemId: number; reason: string | null; date: string | null }[] {
  const parsed = values.safeParse(raw);
  if (!parsed.success) return [];
  const out = new Map<number, { itemId: number; reason: string | null; date: string | null }>();
  for (const [blockId, actionsOf] of Object.entries(parsed.data)) {
    const m = REASON_BLOCK.exec(blockId);
    if (!m) continue;
    const itemId = Number(m[1]);
    const entry = out.get(itemId) ?? { itemId, reason: null, date: null };
    if (m[2] === "reason") entry.reason = actionsOf[PLAN_ACTION.reasonText]?.value ?? null;
    else entry.date = actionsOf[PLAN_ACTION.reasonDate]?.selected_date ?? null;
    out.set(itemId, entry);
  }
  return [...out.values()];
}
