/**
 * The responsibility lists' use cases: a committee member's items to mark (their own and the
 * committee's), marking them (done, progress, or an overdue item's reason and new target), a
 * system admin's editor of a list, and the chair's overview. Every right is checked here.
 */
import { loadOrgRecord } from "../../db/repositories/org.ts";
import {
  type DutyRecord,
  loadCommitteeIds,
  loadDuties,
  loadDutiesById,
  markDuty,
  replaceDuties,
} from "../../db/repositories/responsibility.ts";
import {
  checkReschedule,
  type ItemStanding,
  MAX_PLAN_RESULT,
  type PlanRowError,
  parsePlanRows,
  parseTarget,
  type RawPlanRow,
  standingOf,
  targetCode,
} from "../../domain/annual-plan.ts";
import { localDateOf } from "../../domain/period.ts";
import { COMMITTEE_OWNER, mayMarkDuty } from "../../domain/responsibility.ts";
import { localeOr, translator } from "../../i18n/index.ts";
import {
  type DutyEditForm,
  type DutyEnv,
  type DutyMarkForm,
  type DutyMarkInput,
  type DutyMarkProblem,
  type DutyOverview,
  type DutyView,
  MAX_EDIT_ROWS,
  MAX_MARK_ITEMS,
} from "../../ports/responsibilities.ts";
import { type Deps, type Outcome, refuse } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";

export type DutyError =
  | "no-org"
  | "not-committee"
  | "not-admin"
  | "not-yours"
  | "not-found"
  | "no-duties"
  | "too-long"
  | "invalid";

export async function loadDutyEnv(deps: Deps): Promise<DutyEnv | null> {
  const org = await loadOrgRecord(deps.db);
  if (!org) return null;
  const locale = localeOr(org.locale);
  const today = localDateOf(deps.now(), org.timezone);
  return {
    locale,
    t: translator(locale),
    timezone: org.timezone,
    today,
    year: Number(today.slice(0, 4)),
  };
}

const ORDER: Record<ItemStanding, number> = { overdue: 0, "in-progress": 1, done: 2 };

export function dutyView(d: DutyRecord, today: string): DutyView {
  const target = parseTarget(d.target);
  const standing: ItemStanding = target
    ? standingOf({ status: d.status, target }, d.year, today)
    : d.status === "DONE"
      ? "done"
      : "in-progress";
  return {
    id: d.id,
    owner: d.owner,
    duty: d.duty,
    target: d.target,
    result: d.result,
    standing,
    progress: d.progress,
    movedFrom: d.movedFrom,
  };
}

/** Overdue first, then in progress, then done; each by target then list order. */
const byStanding = (a: DutyView, b: DutyView) => ORDER[a.standing] - ORDER[b.standing];

interface Actor {
  userId: string;
  isCommitteeMember: boolean;
  isAdmin: boolean;
  /** The system admins (their Home shows everyone's items). */
  admins: string[];
}

async function actorOf(deps: Deps, userId: string): Promise<Actor> {
  const { members, admins } = await loadCommitteeIds(deps.db);
  return {
    userId,
    isCommitteeMember: members.includes(userId) || admins.includes(userId),
    isAdmin: admins.includes(userId),
    admins,
  };
}

/** The mark modal: the person's own items and the committee's, overdue first. */
export async function openDutyMarks(
  deps: Deps,
  userId: string,
): Promise<Outcome<{ env: DutyEnv; form: DutyMarkForm }, DutyError>> {
  const env = await loadDutyEnv(deps);
  if (!env) return refuse("no-org");
  const actor = await actorOf(deps, userId);
  if (!actor.isCommitteeMember) return refuse("not-committee");
  const items = (await loadDuties(deps.db, env.year, [userId, COMMITTEE_OWNER]))
    .map((d) => dutyView(d, env.today))
    .sort(byStanding);
  if (items.length === 0) return refuse("no-duties");
  return {
    ok: true,
    env,
    form: {
      year: env.year,
      items: items.slice(0, MAX_MARK_ITEMS),
      more: Math.max(0, items.length - MAX_MARK_ITEMS),
      firstMonth: Number(env.today.slice(5, 7)),
    },
  };
}

/**
 * Records the person's answers: only items they may mark (any other refuses the whole form,
 * nothing stored); an item moved needs a reason and a target from this month on.
 */
export async function markDuties(
  deps: Deps,
  userId: string,
  marks: readonly DutyMarkInput[],
): Promise<
  | Outcome<{ changed: number; env: DutyEnv; concerned: string[] }, DutyError>
  | { ok: false; error: "invalid"; problems: DutyMarkProblem[]; env: DutyEnv }
> {
  const env = await loadDutyEnv(deps);
  if (!env) return refuse("no-org");
  const actor = await actorOf(deps, userId);
  const ids = marks.map((m) => m.id);
  const items = await loadDutiesById(deps.db, ids);
  for (const m of marks) {
    const item = items.get(m.id);
    if (!item) return refuse("not-found");
    if (!mayMarkDuty(item.owner, actor)) return refuse("not-yours");
  }
  const firstMonth = Number(env.today.slice(5, 7));
  const problems: DutyMarkProblem[] = [];
  const changes: {
    record: DutyRecord;
    done: boolean;
    note: string | null;
    movedTo: string | null;
  }[] = [];
  for (const m of marks) {
    const record = items.get(m.id) as DutyRecord;
    const note = m.note?.trim() || null;
    if (note && note.length > MAX_PLAN_RESULT) {
      problems.push({ id: m.id, field: "note", error: "resultTooLong" });
      continue;
    }
    let movedTo: string | null = null;
    if (m.movedTo && !m.done) {
      const checked = checkReschedule({ target: m.movedTo, reason: note }, firstMonth);
      if (!checked.ok) {
        problems.push({
          id: m.id,
          field: checked.error === "reasonRequired" ? "note" : "move",
          error: checked.error === "targetRequired" ? "targetOutsideYear" : checked.error,
        });
        continue;
      }
      movedTo = targetCode(checked.target);
    }
    const changed =
      m.done !== (record.status === "DONE") ||
      (note !== null && note !== record.progress) ||
      (movedTo !== null && movedTo !== record.target);
    if (changed) changes.push({ record, done: m.done, note, movedTo });
  }
  if (problems.length > 0) return { ok: false, error: "invalid", problems, env };
  const now = deps.now();
  await inTx(deps.db, async (tx) => {
    for (const c of changes)
      await markDuty(
        tx,
        c.record,
        { done: c.done, progress: c.note, movedTo: c.movedTo },
        userId,
        now,
      );
  });
  return { ok: true, changed: changes.length, env, concerned: [userId, ...actor.admins] };
}

/** The admin's editor of one list of this year ("committee" or a committee member). */
export async function openDutyEditor(
  deps: Deps,
  userId: string,
  owner: string,
): Promise<Outcome<{ env: DutyEnv; form: DutyEditForm }, DutyError>> {
  const env = await loadDutyEnv(deps);
  if (!env) return refuse("no-org");
  const actor = await actorOf(deps, userId);
  if (!actor.isAdmin) return refuse("not-admin");
  const owned = await ownerCheck(deps, owner);
  if (owned) return refuse(owned);
  const duties = await loadDuties(deps.db, env.year, [owner]);
  if (duties.length > MAX_EDIT_ROWS) return refuse("too-long");
  const rows: RawPlanRow[] = Array.from({ length: MAX_EDIT_ROWS }, (_, row) => {
    const d = duties[row];
    return d ? { row, title: d.duty, target: d.target, expectedResult: d.result } : { row };
  });
  return { ok: true, env, form: { year: env.year, owner, rows } };
}

async function ownerCheck(deps: Deps, owner: string): Promise<DutyError | null> {
  if (owner === COMMITTEE_OWNER) return null;
  const { members, admins } = await loadCommitteeIds(deps.db);
  return members.includes(owner) || admins.includes(owner) ? null : "not-committee";
}

/** Saves the admin's list: rows checked like a plan's (inline errors), nothing stored on error. */
export async function saveDutyList(
  deps: Deps,
  userId: string,
  input: { year: number; owner: string; rows: readonly RawPlanRow[] },
): Promise<
  | Outcome<{ env: DutyEnv; count: number; concerned: string[] }, DutyError>
  | { ok: false; error: "invalid"; problems: PlanRowError[]; env: DutyEnv }
> {
  const env = await loadDutyEnv(deps);
  if (!env) return refuse("no-org");
  const actor = await actorOf(deps, userId);
  if (!actor.isAdmin) return refuse("not-admin");
  const owned = await ownerCheck(deps, input.owner);
  if (owned) return refuse(owned);
  const parsed = parsePlanRows(input.rows, { firstMonth: 1, branchPeople: new Set() });
  if (!parsed.ok) return { ok: false, error: "invalid", problems: parsed.errors, env };
  const items = parsed.items.map((i) => ({
    duty: i.title,
    target: targetCode(i.target),
    result: i.expectedResult,
  }));
  await inTx(deps.db, (tx) =>
    replaceDuties(tx, { year: input.year, owner: input.owner }, items, {
      actor: userId,
      source: "admin",
    }),
  );
  const concerned = [userId, ...actor.admins];
  if (input.owner !== COMMITTEE_OWNER) concerned.push(input.owner);
  return { ok: true, env, count: items.length, concerned };
}

/** Counts per list (the committee's first), and the overdue items, for the chair. */
export function overviewOf(
  duties: readonly DutyRecord[],
  year: number,
  today: string,
): DutyOverview {
  const views = duties.map((d) => dutyView(d, today));
  const owners = new Map<string, { done: number; inProgress: number; overdue: number }>();
  for (const v of views) {
    const c = owners.get(v.owner) ?? { done: 0, inProgress: 0, overdue: 0 };
    if (v.standing === "done") c.done++;
    else if (v.standing === "overdue") c.overdue++;
    else c.inProgress++;
    owners.set(v.owner, c);
  }
  return {
    year,
    owners: [...owners.entries()]
      .map(([owner, c]) => ({ owner, ...c }))
      .sort(
        (a, b) =>
          Number(b.owner === COMMITTEE_OWNER) - Number(a.owner === COMMITTEE_OWNER) ||
          b.overdue - a.overdue ||
          a.owner.localeCompare(b.owner),
      ),
    overdue: views.filter((v) => v.standing === "overdue"),
  };
}

/** The chair's overview of the year: system admins only. */
export async function dutyOverview(
  deps: Deps,
  userId: string,
): Promise<Outcome<{ env: DutyEnv; overview: DutyOverview }, DutyError>> {
  const env = await loadDutyEnv(deps);
  if (!env) return refuse("no-org");
  const actor = await actorOf(deps, userId);
  if (!actor.isAdmin) return refuse("not-admin");
  const duties = await loadDuties(deps.db, env.year);
  return { ok: true, env, overview: overviewOf(duties, env.year, env.today) };
}
