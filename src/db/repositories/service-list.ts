/** The service list's queries: registrations, reports, the communities a report may name. */
import { datesOfYear } from "../../domain/period.ts";
import type { Prisma } from "../client.ts";

type Tx = Prisma.TransactionClient;

/** Keys of the active branches the person belongs to (as secretary or member). */
export async function branchKeysOf(tx: Tx, userId: string): Promise<string[]> {
  const roles = await tx.branchRole.findMany({
    where: { person: { slackUserId: userId }, branch: { active: true } },
    select: { branch: { select: { key: true } } },
    orderBy: { id: "asc" },
  });
  return [...new Set(roles.map((r) => r.branch.key))];
}

export const registrationOf = (tx: Tx, userId: string) =>
  tx.serviceRegistration.findUnique({ where: { userId } });

export const upsertRegistration = (tx: Tx, userId: string, community: string) =>
  tx.serviceRegistration.upsert({
    where: { userId },
    create: { userId, community },
    update: { community },
  });

/** Hundredths of hours the person already reported for a date. */
export async function centiHoursOn(tx: Tx, userId: string, date: string): Promise<number> {
  const sum = await tx.serviceReport.aggregate({
    where: { userId, date },
    _sum: { centiHours: true },
  });
  return sum._sum.centiHours ?? 0;
}

export const insertServiceReport = (tx: Tx, data: Prisma.ServiceReportUncheckedCreateInput) =>
  tx.serviceReport.create({ data });

/**
 * A query's replies in the order they were written in its thread: by Slack's ts, since two quick
 * replies' events may reach the bot (and be stored) in either order.
 */
export const repliesInThreadOrder = { replies: { orderBy: { slackTs: "asc" as const } } };

export const reportById = (tx: Tx, id: number) =>
  tx.serviceReport.findUnique({ where: { id }, include: repliesInThreadOrder });

/** Records the secretary's query once: false when the report already has one. */
export async function setQueryOnce(
  tx: Tx,
  id: number,
  queriedBy: string,
  query: string,
): Promise<boolean> {
  const won = await tx.serviceReport.updateMany({
    where: { id, queriedBy: null },
    data: { queriedBy, query },
  });
  return won.count === 1;
}

export const storeQueryTs = (tx: Tx, id: number, channel: string, ts: string) =>
  tx.serviceReport.updateMany({ where: { id }, data: { queryChannel: channel, queryTs: ts } });

export const reportOfQueryThread = (tx: Tx, channel: string, ts: string) =>
  tx.serviceReport.findFirst({ where: { queryChannel: channel, queryTs: ts } });

/** A reply in a query's thread, once by its ts. */
export async function recordQueryReply(
  tx: Tx,
  data: { reportId: number; authorId: string; text: string; slackTs: string },
): Promise<void> {
  await tx.serviceQueryReply.upsert({
    where: { reportId_slackTs: { reportId: data.reportId, slackTs: data.slackTs } },
    create: data,
    update: {},
  });
}

/** The reports of some branches in a quarter, newest first. */
export const branchReports = (tx: Tx, branchKeys: readonly string[], quarter: string, take = 500) =>
  tx.serviceReport.findMany({
    where: { branchKey: { in: [...branchKeys] }, quarter },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    include: { replies: { select: { id: true } } },
    take,
  });

/** A person's own reports of a year, newest first. */
export const reportsOfUser = (tx: Tx, userId: string, year: number) =>
  tx.serviceReport.findMany({
    where: { userId, date: datesOfYear(year) },
    orderBy: [{ date: "desc" }, { id: "desc" }],
  });

/** Every report of a year (the ledger), by date. */
export const reportsOfYear = (tx: Tx, year: number) =>
  tx.serviceReport.findMany({
    where: { date: datesOfYear(year) },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    include: repliesInThreadOrder,
  });

/** Who reported in a quarter (for the nudge). */
export async function reportersInQuarter(tx: Tx, quarter: string): Promise<Set<string>> {
  const rows = await tx.serviceReport.findMany({
    where: { quarter },
    select: { userId: true },
    distinct: ["userId"],
  });
  return new Set(rows.map((r) => r.userId));
}

/** Every registration (the registration rate). */
export async function registeredUsers(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.serviceRegistration.findMany({ select: { userId: true, community: true } });
  return new Map(rows.map((r) => [r.userId, r.community]));
}

/** Members of each active branch (secretaries and members), by branch key. */
export async function branchMembers(
  tx: Tx,
  keys?: readonly string[],
): Promise<{ key: string; name: string; members: string[] }[]> {
  const branches = await tx.branch.findMany({
    where: { active: true, ...(keys ? { key: { in: [...keys] } } : {}) },
    orderBy: { id: "asc" },
    select: {
      key: true,
      name: true,
      roles: {
        where: { person: { active: true } },
        select: { person: { select: { slackUserId: true } } },
      },
    },
  });
  return branches.map((b) => ({
    key: b.key,
    name: b.name,
    members: [...new Set(b.roles.map((r) => r.person.slackUserId))],
  }));
}

/** Who already got the quarter's nudge: its deliveries' keys ("service-nudge:2026-Q4:U0A"). */
export async function nudgedInQuarter(tx: Tx, quarter: string): Promise<Set<string>> {
  const prefix = `service-nudge:${quarter}:`;
  const rows = await tx.delivery.findMany({
    where: { dedupeKey: { startsWith: prefix } },
    select: { dedupeKey: true },
  });
  return new Set(rows.map((r) => r.dedupeKey.slice(prefix.length)));
}

/**
 * A quarter's hours and report counts by member and branch (the Home's figures), for some
 * branches or (null) all: one grouped query whatever the number of branches.
 */
export async function quarterTotals(
  tx: Tx,
  quarter: string,
  branchKeys: readonly string[] | null,
): Promise<{ userId: string; branchKey: string; centiHours: number; reports: number }[]> {
  const rows = await tx.serviceReport.groupBy({
    by: ["userId", "branchKey"],
    where: { quarter, ...(branchKeys ? { branchKey: { in: [...branchKeys] } } : {}) },
    _sum: { centiHours: true },
    _count: { _all: true },
  });
  return rows.map((r) => ({
    userId: r.userId,
    branchKey: r.branchKey,
    centiHours: r._sum.centiHours ?? 0,
    reports: r._count._all,
  }));
}

/** The queried reports of some branches in a quarter, with how many replies each has. */
export const queriedReports = (tx: Tx, branchKeys: readonly string[], quarter: string) =>
  tx.serviceReport.findMany({
    where: { branchKey: { in: [...branchKeys] }, quarter, queriedBy: { not: null } },
    select: { branchKey: true, _count: { select: { replies: true } } },
  });

/** Registrations of some people, or (null) everyone's. */
export async function registrationsOf(
  tx: Tx,
  userIds: readonly string[] | null,
): Promise<Set<string>> {
  const rows = await tx.serviceRegistration.findMany({
    where: userIds ? { userId: { in: [...userIds] } } : {},
    select: { userId: true },
  });
  return new Set(rows.map((r) => r.userId));
}
