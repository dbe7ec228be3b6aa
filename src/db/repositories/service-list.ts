/** The service list's queries: registrations, reports, the communities a report may name. */
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
