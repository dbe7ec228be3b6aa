/**
 * The leadership's responsibility lists (issue 19): one list per (year, owner), its items in
 * order, their events. A list is replaced as a whole (org file or admin modal): an item whose
 * duty stays keeps its status and history, a dropped item is marked removed (its history counts).
 */
import { COMMITTEE_OWNER } from "../../domain/responsibility.ts";
import type { Database, Prisma } from "../client.ts";

type Tx = Prisma.TransactionClient;

export interface DutyInput {
  duty: string;
  target: string;
  result: string | null;
}

export interface DutyRecord extends DutyInput {
  id: number;
  listId: number;
  owner: string;
  year: number;
  position: number;
  status: "OPEN" | "DONE";
  progress: string | null;
  progressAt: Date | null;
  doneAt: Date | null;
  doneBy: string | null;
  movedFrom: string | null;
}

const same = (a: DutyInput, b: DutyInput) =>
  a.duty === b.duty && a.target === b.target && (a.result ?? null) === (b.result ?? null);

/**
 * Makes the list of (year, owner) hold `items` in this order; returns whether anything changed
 * (applying the same list twice changes nothing).
 */
export async function replaceDuties(
  tx: Tx,
  list: { year: number; owner: string },
  items: readonly DutyInput[],
  by: { actor: string; source: string },
): Promise<boolean> {
  const current = await tx.responsibilityList.findUnique({
    where: { year_owner: list },
    include: { items: { where: { removedAt: null }, orderBy: { position: "asc" } } },
  });
  if (!current) {
    await tx.responsibilityList.create({
      data: {
        ...list,
        source: by.source,
        updatedBy: by.actor,
        items: {
          create: items.map((d, position) => ({
            position,
            duty: d.duty,
            target: d.target,
            result: d.result,
            events: { create: { kind: "added", by: by.actor, detail: { source: by.source } } },
          })),
        },
      },
    });
    return true;
  }
  const unchanged =
    current.items.length === items.length && current.items.every((c, i) => same(c, items[i]!));
  if (unchanged) return false;
  // Positions are unique per list: park every current item out of the way first.
  for (const c of current.items)
    await tx.responsibilityItem.update({ where: { id: c.id }, data: { position: -c.id } });
  const unused = [...current.items];
  for (const [position, d] of items.entries()) {
    const match = unused.findIndex((c) => c.duty === d.duty);
    if (match === -1) {
      await tx.responsibilityItem.create({
        data: {
          listId: current.id,
          position,
          duty: d.duty,
          target: d.target,
          result: d.result,
          events: { create: { kind: "added", by: by.actor, detail: { source: by.source } } },
        },
      });
      continue;
    }
    const [c] = unused.splice(match, 1) as [(typeof unused)[number]];
    const edited = !same(c, d);
    await tx.responsibilityItem.update({
      where: { id: c.id },
      data: {
        position,
        target: d.target,
        result: d.result,
        ...(edited
          ? {
              events: {
                create: {
                  kind: "edited",
                  by: by.actor,
                  detail: { source: by.source, target: [c.target, d.target] },
                },
              },
            }
          : {}),
      },
    });
  }
  const now = new Date();
  for (const c of unused)
    await tx.responsibilityItem.update({
      where: { id: c.id },
      data: {
        removedAt: now,
        events: { create: { kind: "removed", by: by.actor, detail: { source: by.source } } },
      },
    });
  await tx.responsibilityList.update({
    where: { id: current.id },
    data: { source: by.source, updatedBy: by.actor, version: { increment: 1 } },
  });
  return true;
}

/** The org file's lists (ids resolved): each one replaced; returns one change line per list. */
export async function syncFileResponsibilities(
  tx: Tx,
  section:
    | {
        year: number;
        committee: { duty: string; target: string; result?: string }[];
        members: Record<string, { duty: string; target: string; result?: string }[]>;
      }
    | undefined,
  actor: string,
): Promise<string[]> {
  if (!section) return [];
  const changes: string[] = [];
  const lists: [string, { duty: string; target: string; result?: string }[]][] = [
    [COMMITTEE_OWNER, section.committee],
    ...Object.entries(section.members),
  ];
  for (const [owner, duties] of lists) {
    if (owner === COMMITTEE_OWNER && duties.length === 0) continue;
    const items = duties.map((d) => ({ duty: d.duty, target: d.target, result: d.result ?? null }));
    const changed = await replaceDuties(tx, { year: section.year, owner }, items, {
      actor,
      source: "org-file",
    });
    if (changed)
      changes.push(
        `responsibility list ${section.year} ${owner === COMMITTEE_OWNER ? "of the committee" : owner}: ${items.length} duties`,
      );
  }
  return changes;
}

const toRecord = (
  i: Prisma.ResponsibilityItemGetPayload<{ include: { list: true } }>,
): DutyRecord => ({
  id: i.id,
  listId: i.listId,
  owner: i.list.owner,
  year: i.list.year,
  position: i.position,
  duty: i.duty,
  target: i.target,
  result: i.result,
  status: i.status,
  progress: i.progress,
  progressAt: i.progressAt,
  doneAt: i.doneAt,
  doneBy: i.doneBy,
  movedFrom: i.movedFrom,
});

/** The year's items of the given owners (all owners when absent), list by list, in order. */
export async function loadDuties(
  db: Database | Tx,
  year: number,
  owners?: readonly string[],
): Promise<DutyRecord[]> {
  const prisma = "prisma" in db ? db.prisma : db;
  const rows = await prisma.responsibilityItem.findMany({
    where: {
      removedAt: null,
      list: { year, ...(owners ? { owner: { in: [...owners] } } : {}) },
    },
    include: { list: true },
    orderBy: [{ listId: "asc" }, { position: "asc" }],
  });
  return rows.map(toRecord);
}

/** The items with these ids that are still on their list. */
export async function loadDutiesById(
  db: Database,
  ids: readonly number[],
): Promise<Map<number, DutyRecord>> {
  const rows = await db.prisma.responsibilityItem.findMany({
    where: { id: { in: [...ids] }, removedAt: null },
    include: { list: true },
  });
  return new Map(rows.map((r) => [r.id, toRecord(r)]));
}

export interface DutyMark {
  done: boolean;
  progress: string | null;
  /** A later target for an overdue item ("m9"), with `progress` as the reason. */
  movedTo: string | null;
}

/** Records the owner's word on one item, with its event. */
export async function markDuty(
  tx: Tx,
  item: DutyRecord,
  mark: DutyMark,
  by: string,
  now: Date,
): Promise<void> {
  const done = mark.done && item.status !== "DONE";
  const reopened = !mark.done && item.status === "DONE";
  const moved = mark.movedTo !== null && mark.movedTo !== item.target;
  await tx.responsibilityItem.update({
    where: { id: item.id },
    data: {
      ...(done ? { status: "DONE", doneAt: now, doneBy: by } : {}),
      ...(reopened ? { status: "OPEN", doneAt: null, doneBy: null } : {}),
      ...(moved ? { target: mark.movedTo as string, movedFrom: item.target } : {}),
      ...(mark.progress !== null ? { progress: mark.progress, progressAt: now } : {}),
      events: {
        create: {
          kind: done ? "done" : reopened ? "reopened" : moved ? "moved" : "progress",
          by,
          at: now,
          detail: {
            ...(mark.progress !== null ? { note: mark.progress } : {}),
            ...(moved ? { from: item.target, to: mark.movedTo } : {}),
          },
        },
      },
    },
  });
}

/** The committee's members and admins (who may mark the committee's items). */
export async function loadCommitteeIds(
  db: Database,
): Promise<{ members: string[]; admins: string[] }> {
  const roles = await db.prisma.committeeRole.findMany({
    include: { person: true },
    orderBy: { id: "asc" },
  });
  const of = (role: "MEMBER" | "ADMIN") =>
    roles.filter((r) => r.role === role).map((r) => r.person.slackUserId);
  return { members: of("MEMBER"), admins: of("ADMIN") };
}

/**
 * Records that the quarter check reached `userId`: true the first time for (year, quarter,
 * person), false after (the check runs once per occurrence whoever fires it).
 */
export async function claimResponsibilityCheck(
  tx: Tx,
  check: { year: number; quarter: number; userId: string },
): Promise<boolean> {
  const { count } = await tx.responsibilityCheck.createMany({
    data: [check],
    skipDuplicates: true,
  });
  return count === 1;
}

export interface DutyEventRecord {
  kind: string;
  detail: unknown;
  by: string;
  at: Date;
}

/** The year's items (removed ones too: their history counts) with their events, list by list. */
export async function loadDutyLedger(
  db: Database,
  year: number,
): Promise<(DutyRecord & { removed: boolean; events: DutyEventRecord[] })[]> {
  const rows = await db.prisma.responsibilityItem.findMany({
    where: { list: { year } },
    include: { list: true, events: { orderBy: { id: "asc" } } },
    orderBy: [{ listId: "asc" }, { removedAt: "desc" }, { position: "asc" }],
  });
  return rows.map((r) => ({
    ...toRecord(r),
    removed: r.removedAt !== null,
    events: r.events.map((e) => ({ kind: e.kind, detail: e.detail, by: e.by, at: e.at })),
  }));
}
