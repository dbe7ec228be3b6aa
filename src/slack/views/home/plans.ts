/**
 * The annual plans on the Home: the committee's year grid summarised (counts, then the branches
 * needing attention first, the rest in `/pbb report plans`), and a secretary's four plans with
 * this quarter's items. At most 7 blocks for any role.
 */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import type {
  BranchPlansRow,
  PlanHomeCell,
  PlanHomeState,
  PlansHomeView,
} from "../../../ports/annual-plans.ts";
import { context, fields, header, section, truncate } from "../../blocks.ts";
import { targetLabel } from "../annual-plans/format.ts";
import { esc, percent, STATE_EMOJI } from "./format.ts";
import type { BranchState } from "./model.ts";

const AS_BRANCH_STATE: Record<PlanHomeState, BranchState> = {
  "not-submitted": "not-submitted",
  waiting: "submitted",
  returned: "returned",
  approved: "approved",
};
const emoji = (s: PlanHomeState) => STATE_EMOJI[AS_BRANCH_STATE[s]];
const STORED_STATE = {
  "not-submitted": "annualPlans.state.DRAFT",
  waiting: "annualPlans.state.SUBMITTED",
  returned: "annualPlans.state.RETURNED",
  approved: "annualPlans.state.APPROVED",
} as const;
const MARK = { done: "✅", "in-progress": "🔵", overdue: "🔴" } as const;

const sum = (plans: readonly PlanHomeCell[], f: (p: PlanHomeCell) => number) =>
  plans.reduce((n, p) => n + f(p), 0);

function gridLine(row: BranchPlansRow, t: Translator): string {
  const inForce = row.plans.filter((p) => p.state === "approved");
  const overdue = sum(inForce, (p) => p.overdue);
  return t("annualPlans.home.row", {
    states: row.plans.map((p) => emoji(p.state)).join(""),
    branch: esc(truncate(row.name, 40)),
    done: sum(inForce, (p) => p.done),
    total: sum(inForce, (p) => p.total),
    overdue: overdue > 0 ? t("annualPlans.home.overdue", { count: overdue }) : "",
  });
}

function committeeBlocks(c: NonNullable<PlansHomeView["committee"]>, t: Translator) {
  const plans = c.branches * 4;
  const blocks: KnownBlock[] = [
    fields([
      `*${t("annualPlans.home.approved")}*\n${t("annualPlans.home.approvedValue", { count: c.states.approved, total: plans })}`,
      `*${t("annualPlans.home.waiting")}*\n${c.states.waiting}`,
      `*${t("annualPlans.home.returnedDraft")}*\n${c.states.returned} · ${c.states["not-submitted"]}`,
      `*${t("annualPlans.home.items")}*\n${t("annualPlans.home.itemsValue", {
        done: c.items.done,
        total: c.items.total,
        percent: percent(c.items.done, c.items.total),
        overdue: c.items.overdue,
      })}`,
    ]),
  ];
  const lines = c.rows.map((r) => gridLine(r, t));
  const title =
    c.more === 0
      ? t("annualPlans.home.grid")
      : t("annualPlans.home.attention", { shown: c.rows.length, count: c.branches });
  blocks.push(
    section(
      lines.length > 0
        ? [title, ...lines].join("\n")
        : t("annualPlans.home.allInOrder", { count: c.branches }),
    ),
  );
  return blocks;
}

function branchBlock(b: PlansHomeView["branches"][number], v: PlansHomeView, t: Translator) {
  const lines = [
    t("annualPlans.home.branch", { branch: esc(truncate(b.name, 60)), year: v.year }),
    ...b.plans.map((p) =>
      t("annualPlans.home.planLine", {
        emoji: emoji(p.state),
        kind: t(`annualPlans.kind.${p.kind}`),
        state: t(STORED_STATE[p.state]),
        done: p.total > 0 ? t("annualPlans.home.planDone", { done: p.done, total: p.total }) : "",
      }),
    ),
    t("annualPlans.home.due", { quarter: v.quarter }),
    ...b.due.map(
      (d) =>
        `${MARK[d.standing]} ${esc(truncate(d.title, 80))} · ${targetLabel(d.target, t)} · ${t(`annualPlans.ledger.status.${d.standing}`)}`,
    ),
  ];
  if (b.due.length === 0) lines.push(t("annualPlans.home.dueNone"));
  if (b.dueMore > 0) lines.push(t("annualPlans.home.dueMore", { count: b.dueMore, year: v.year }));
  return section(lines.join("\n"));
}

export function plansBlocks(v: PlansHomeView, t: Translator): KnownBlock[] {
  const blocks: KnownBlock[] = [header(t("annualPlans.home.header", { year: v.year }))];
  if (v.committee) blocks.push(...committeeBlocks(v.committee, t));
  for (const b of v.branches) blocks.push(branchBlock(b, v, t));
  const more = v.committee && v.committee.more > 0 ? v.committee.more : 0;
  blocks.push(
    context(
      [
        ...(v.committee ? [t("annualPlans.home.legend")] : []),
        more > 0
          ? t("annualPlans.home.more", { count: more, year: v.year })
          : t("annualPlans.home.ledger", { year: v.year }),
      ].join("\n"),
    ),
  );
  return blocks;
}
