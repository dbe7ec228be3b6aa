/**
 * A quarter's tracking of the year's plans (`quarter-tracking`, keyed "YYYY-Qn"): each branch's
 * check is created and its items posted in its channel, split done / in progress / overdue, with
 * a button to give each overdue item a reason and a new date; the committee gets the table of
 * every branch (100 a message). Branches that have not answered are followed up once
 * (`quarter-tracking-followup`). An answer moves the items (reason, new date: an item event) and
 * updates the branch's message and the committee's table in the same transaction. Every post is
 * keyed, so a re-run, a catch-up or a second replica adds nothing.
 */
import type { Database } from "../../db/client.ts";
import {
  activeBranchesWithCreation,
  branchWithCreation,
} from "../../db/repositories/annual-plan.ts";
import {
  createQuarterCheckIfMissing,
  findQuarterCheck,
  type InForceItem,
  itemsInForce,
  markQuarterAnswered,
  movePlanItem,
  quarterAnswers,
  quarterChecks,
} from "../../db/repositories/annual-plan-items.ts";
import type { BranchRecord } from "../../db/repositories/tasklist.ts";
import { loadActor } from "../../db/repositories/tasklist.ts";
import { parseTarget, type QuarterRef, quarterKey, targetCode } from "../../domain/annual-plan.ts";
import { checkNewDate, type NewDateError } from "../../domain/annual-plan-months.ts";
import {
  type QuarterItem,
  type QuarterRow,
  quarterRow,
  quarterTotals,
  splitQuarter,
} from "../../domain/annual-plan-quarter.ts";
import { localDateOf } from "../../domain/period.ts";
import { isSecretaryOf } from "../../domain/task-list.ts";
import {
  type BranchQuarterView,
  type CommitteeQuarterView,
  kindOf,
  type PlanDeps,
  type QuarterItemView,
  type ReasonsForm,
} from "../../ports/annual-plans.ts";
import type { Deps } from "../kit/result.ts";
import { inTx, type Tx } from "../kit/tx.ts";
import { enqueuePost, enqueueUpdate } from "../outbox/index.ts";
import { planKeys as keys } from "./keys.ts";
import { loadPlanOrg, type PlanOrg } from "./org.ts";
import type { PlanJobRun } from "./reminder.ts";
import { type PlanResult, refuse } from "./result.ts";

/** Branches in one message of the committee's table (well within 50 blocks and 40 000 chars). */
export const COMMITTEE_PAGE = 100;
/** Overdue items answered in one reasons modal (2 inputs each: within Slack's 100 blocks). */
export const REASONS_PER_MODAL = 40;

/** An item of the plans in force with its target parsed (`code`: as stored) and its answer. */
type Answered = Omit<InForceItem, "target"> & QuarterItem & { code: string };

const itemView = (i: Answered): QuarterItemView => ({
  id: i.id,
  kind: kindOf(i.kind),
  title: i.title,
  target: i.code,
  ownerUserId: i.ownerUserId,
  answer: i.answer,
});

/** The items with their targets parsed and this quarter's answers. */
async function quarterItems(
  db: Database | Tx,
  ref: QuarterRef,
  items: readonly InForceItem[],
): Promise<Answered[]> {
  const answers = await quarterAnswers(
    db,
    quarterKey(ref),
    items.map((i) => i.id),
  );
  return items.flatMap((i) => {
    const target = parseTarget(i.target);
    return target ? [{ ...i, code: i.target, target, answer: answers.get(i.id) ?? null }] : [];
  });
}

/**
 * One branch's quarter from its items of the plans in force: the split and the view its message
 * shows. The one place a branch's quarter is decided (other tracked items join here).
 */
export function branchQuarter(
  branch: BranchRecord,
  ref: QuarterRef,
  items: readonly Answered[],
  today: string,
): { view: BranchQuarterView; row: QuarterRow } {
  const split = splitQuarter(items, ref, today);
  const view: BranchQuarterView = {
    branch,
    year: ref.year,
    quarter: ref.quarter,
    done: split.done.map(itemView),
    inProgress: split.inProgress.map(itemView),
    overdue: split.overdue.map(itemView),
    missing: split.missing.length,
  };
  return { view, row: quarterRow(split) };
}

/** Every active branch's quarter, in the branches' order (two queries for the items). */
async function everyBranch(db: Database | Tx, ref: QuarterRef, today: string) {
  const [branches, inForce] = await Promise.all([
    activeBranchesWithCreation(db),
    itemsInForce(db, ref.year),
  ]);
  const items = await quarterItems(db, ref, inForce);
  return branches.map(({ branch }) =>
    branchQuarter(
      branch,
      ref,
      items.filter((i) => i.branchId === branch.id),
      today,
    ),
  );
}

/** The committee's table, one view per page of COMMITTEE_PAGE branches. */
export function committeePages(
  ref: QuarterRef,
  branches: readonly { view: BranchQuarterView; row: QuarterRow }[],
): CommitteeQuarterView[] {
  const totals = quarterTotals(branches.map((b) => b.row));
  const pages = Math.max(1, Math.ceil(branches.length / COMMITTEE_PAGE));
  return Array.from({ length: pages }, (_, p) => ({
    year: ref.year,
    quarter: ref.quarter,
    branches: branches.length,
    totals,
    rows: branches
      .slice(p * COMMITTEE_PAGE, (p + 1) * COMMITTEE_PAGE)
      .map((b) => ({ name: b.view.branch.name, row: b.row })),
    from: p * COMMITTEE_PAGE + 1,
    page: p + 1,
    pages,
  }));
}

export async function runQuarterTracking(run: PlanJobRun, ref: QuarterRef) {
  const org = await loadPlanOrg(run.db);
  const key = quarterKey(ref);
  const today = localDateOf(run.at, org.tz);
  const summary = { quarter: key, branches: 0, posted: 0, committeePages: 0 };
  if (!org.plans) return summary;
  const present = run.presenters.annualPlans;
  const branches = await everyBranch(run.db, ref, today);
  for (const { view } of branches) {
    const posted = await inTx(run.db, async (tx) => {
      await createQuarterCheckIfMissing(tx, { branchId: view.branch.id, ...ref, at: run.at });
      return enqueuePost(tx, {
        key: keys.quarter(view.branch.id, key),
        channel: view.branch.channelId,
        message: present.quarterBranch(view, org),
      });
    });
    summary.branches += 1;
    if (posted) summary.posted += 1;
  }
  const pages = committeePages(ref, branches);
  await inTx(run.db, async (tx) => {
    for (const page of pages)
      await enqueuePost(tx, {
        key: keys.quarterCommittee(key, page.page),
        channel: org.committeeChannel,
        message: present.quarterCommittee(page, org),
      });
  });
  summary.committeePages = pages.length;
  run.homes?.changed({});
  return summary;
}

/** The follow-up: in the thread of each branch's message that still misses reasons, once. */
export async function sendQuarterFollowUps(run: PlanJobRun, ref: QuarterRef) {
  const org = await loadPlanOrg(run.db);
  const key = quarterKey(ref);
  const summary = { quarter: key, reminded: [] as string[] };
  if (!org.plans) return summary;
  const checked = new Set(
    (await quarterChecks(run.db, ref.year, ref.quarter)).map((c) => c.branchId),
  );
  const branches = await everyBranch(run.db, ref, localDateOf(run.at, org.tz));
  for (const { view } of branches) {
    if (!checked.has(view.branch.id) || view.missing === 0) continue;
    const sent = await inTx(run.db, (tx) =>
      enqueuePost(tx, {
        key: keys.quarterFollowUp(view.branch.id, key),
        channel: view.branch.channelId,
        message: run.presenters.annualPlans.quarterFollowUp(view, org),
        thread: { ts: null, postKey: keys.quarter(view.branch.id, key) },
      }),
    );
    if (sent) summary.reminded.push(view.branch.key);
  }
  return summary;
}

// ── the branch's answer ──

async function branchOfCheck(
  deps: Deps,
  req: { year: number; quarter: number; branchId: number; userId: string },
): Promise<PlanResult<{ branch: BranchRecord }>> {
  const found = await branchWithCreation(deps.db, req.branchId);
  const check = await findQuarterCheck(deps.db, req.branchId, req.year, req.quarter);
  if (!found || !check) return refuse("not-found");
  if (!isSecretaryOf(await loadActor(deps.db, req.userId), found.branch.key))
    return refuse("not-secretary");
  return { ok: true, branch: found.branch };
}

/** Before the reasons modal opens: the overdue items still missing a reason (secretaries only). */
export async function prepareReasons(
  deps: Deps,
  req: { year: number; quarter: number; branchId: number; userId: string },
): Promise<PlanResult<{ form: ReasonsForm; org: PlanOrg }>> {
  const found = await branchOfCheck(deps, req);
  if (!found.ok) return found;
  const org = await loadPlanOrg(deps.db);
  const ref = { year: req.year, quarter: req.quarter };
  const items = await quarterItems(
    deps.db,
    ref,
    await itemsInForce(deps.db, req.year, req.branchId),
  );
  const { view } = branchQuarter(found.branch, ref, items, localDateOf(deps.now(), org.tz));
  const missing = view.overdue.filter((i) => !i.answer);
  return {
    ok: true,
    org,
    form: {
      branch: found.branch,
      ...ref,
      items: missing.slice(0, REASONS_PER_MODAL),
      more: Math.max(0, missing.length - REASONS_PER_MODAL),
    },
  };
}

export interface TypedReason {
  itemId: number;
  reason: string | null;
  date: string | null;
}

export type ReasonsOutcome =
  | PlanResult<{ answered: number }>
  | {
      ok: false;
      error: "input";
      errors: { itemId: number; field: "reason" | "date"; error: NewDateError }[];
      year: number;
      today: string;
    };

/**
 * The reasons modal submitted: each item answered (a reason and a new date after today within
 * the year; an item left blank is skipped, at least one answered) moves with its quarter-reason
 * event; the branch's message and the committee's table are updated in the same transaction.
 */
export async function saveReasons(
  deps: PlanDeps,
  req: {
    year: number;
    quarter: number;
    branchId: number;
    userId: string;
    typed: TypedReason[];
    /** false: only check (before the modal's ack). */
    write: boolean;
  },
): Promise<ReasonsOutcome> {
  const found = await branchOfCheck(deps, req);
  if (!found.ok) return found;
  const org = await loadPlanOrg(deps.db);
  const ref = { year: req.year, quarter: req.quarter };
  const key = quarterKey(ref);
  const now = deps.now();
  const today = localDateOf(now, org.tz);
  const items = await quarterItems(
    deps.db,
    ref,
    await itemsInForce(deps.db, req.year, req.branchId),
  );
  const open = new Map(items.filter((i) => i.status === "OPEN" && !i.answer).map((i) => [i.id, i]));
  const errors: Extract<ReasonsOutcome, { error: "input" }>["errors"] = [];
  const moves: { item: Answered; to: string; reason: string; date: string }[] = [];
  const given = req.typed.filter((r) => (r.reason ?? "").trim() !== "" || r.date);
  for (const typed of given.length > 0 ? given : req.typed.slice(0, 1)) {
    const item = open.get(typed.itemId);
    if (!item) return refuse("not-found");
    const checked = checkNewDate(typed, req.year, today);
    if (!checked.ok) {
      for (const e of checked.errors) errors.push({ itemId: typed.itemId, ...e });
      continue;
    }
    moves.push({
      item,
      to: targetCode(checked.target),
      reason: checked.reason,
      date: checked.date,
    });
  }
  if (errors.length > 0) return { ok: false, error: "input", errors, year: req.year, today };
  if (!req.write) return { ok: true, answered: 0 };
  const answered = await inTx(deps.db, async (tx) => {
    let n = 0;
    for (const m of moves) {
      const moved = await movePlanItem(tx, {
        itemId: m.item.id,
        from: m.item.code,
        to: m.to,
        reason: m.reason,
        by: req.userId,
        at: now,
        event: "quarter-reason",
        detail: { quarter: key, date: m.date },
      });
      if (moved) n += 1;
    }
    if (n === 0) return 0;
    const branches = await everyBranch(tx, ref, today);
    const mine = branches.find((b) => b.view.branch.id === req.branchId);
    const check = await findQuarterCheck(tx, req.branchId, req.year, req.quarter);
    if (mine && check && mine.view.missing === 0) await markQuarterAnswered(tx, check.id, now);
    const tag = `r${now.getTime()}`;
    const present = deps.presenters.annualPlans;
    if (mine)
      await enqueueUpdate(tx, {
        key: keys.update(keys.quarter(req.branchId, key), tag),
        postKey: keys.quarter(req.branchId, key),
        known: { channel: check?.channel ?? null, ts: check?.ts ?? null },
        message: present.quarterBranch(mine.view, org),
      });
    for (const page of committeePages(ref, branches)) {
      const postKey = keys.quarterCommittee(key, page.page);
      await enqueueUpdate(tx, {
        key: keys.update(postKey, tag),
        postKey,
        known: { channel: null, ts: null },
        message: present.quarterCommittee(page, org),
      });
    }
    return n;
  });
  if (answered > 0) deps.homes?.changed({ users: [req.userId] });
  return { ok: true, answered };
}
