/** The practical projects' queries and conditional updates (a click wins once, by version). */
import type { Prisma } from "../client.ts";

type Tx = Prisma.TransactionClient;

const withParts = {
  milestones: { orderBy: { position: "asc" as const } },
  notes: { orderBy: { id: "asc" as const } },
};

export const projectById = (tx: Tx, id: number) =>
  tx.practicalProject.findUnique({ where: { id }, include: withParts });

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof projectById>>>;

export const projectOfThread = (tx: Tx, channel: string, ts: string) =>
  tx.practicalProject.findFirst({ where: { channel, ts }, include: withParts });

export const projectsOfYear = (tx: Tx, year: number) =>
  tx.practicalProject.findMany({ where: { year }, orderBy: { id: "asc" }, include: withParts });

/** Projects not done (the milestones job), with their parts. */
export const openProjects = (tx: Tx) =>
  tx.practicalProject.findMany({
    where: { status: { not: "DONE" } },
    orderBy: { id: "asc" },
    include: withParts,
  });

/** Projects whose committee message was never asked for. */
export const projectsWithoutMessage = (tx: Tx) =>
  tx.practicalProject.findMany({
    where: { channel: null },
    orderBy: { id: "asc" },
    include: withParts,
  });

export const storeProjectTs = (tx: Tx, id: number, channel: string, ts: string) =>
  tx.practicalProject.updateMany({ where: { id }, data: { channel, ts } });

/** The project changes only if nobody changed it since it was read: true when this won. */
export async function updateProjectIfUnchanged(
  tx: Tx,
  id: number,
  version: number,
  data: Prisma.PracticalProjectUpdateManyMutationInput,
): Promise<boolean> {
  const won = await tx.practicalProject.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  return won.count === 1;
}

export const addProjectNote = (tx: Tx, data: Prisma.ProjectNoteUncheckedCreateInput) =>
  tx.projectNote.create({ data });

/** A thread reply's note once by its ts: false when it was already recorded. */
export async function addThreadNoteOnce(
  tx: Tx,
  data: Prisma.ProjectNoteUncheckedCreateInput & { slackTs: string },
): Promise<boolean> {
  const found = await tx.projectNote.findFirst({
    where: { projectId: data.projectId, slackTs: data.slackTs },
  });
  if (found) return false;
  await tx.projectNote.create({ data });
  return true;
}

export const markMilestoneDone = (
  tx: Tx,
  projectId: number,
  position: number,
  by: string,
  at: Date,
) =>
  tx.projectMilestone.updateMany({
    where: { projectId, position, doneAt: null },
    data: { doneAt: at, doneBy: by },
  });

export async function createProject(
  tx: Tx,
  data: Omit<Prisma.PracticalProjectUncheckedCreateInput, "milestones">,
  milestones: { title: string; due: string }[],
) {
  return tx.practicalProject.create({
    data: {
      ...data,
      milestones: { create: milestones.map((m, position) => ({ position, ...m })) },
    },
  });
}

/** The year's projects in brief (the Home's status line): status, lead, milestones' due dates. */
export const projectStatusesOfYear = (tx: Tx, year: number) =>
  tx.practicalProject.findMany({
    where: { year },
    select: { status: true, leadUserId: true, milestones: { select: { due: true, doneAt: true } } },
  });

/**
 * Of `userIds`, those in the organisation: an active person with a committee role or a role in
 * an active branch (who may lead a project).
 */
export async function inOrganisation(tx: Tx, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const people = await tx.person.findMany({
    where: {
      slackUserId: { in: [...new Set(userIds)] },
      active: true,
      OR: [
        { committeeRoles: { some: {} } },
        { branchRoles: { some: { branch: { active: true } } } },
      ],
    },
    select: { slackUserId: true },
  });
  return new Set(people.map((p) => p.slackUserId));
}

/**
 * Open projects whose lead is no longer in the organisation lose their lead (the project stays):
 * each gets a "lead-left" note naming who left, which keys the committee's one question.
 */
export async function releaseLeadsWhoLeft(tx: Tx): Promise<string[]> {
  const led = await tx.practicalProject.findMany({
    where: { status: { not: "DONE" }, leadUserId: { not: null } },
    select: { id: true, key: true, version: true, leadUserId: true },
    orderBy: { id: "asc" },
  });
  const staying = await inOrganisation(
    tx,
    led.map((p) => p.leadUserId!),
  );
  const changes: string[] = [];
  for (const p of led) {
    if (staying.has(p.leadUserId!)) continue;
    await tx.practicalProject.update({
      where: { id: p.id },
      data: { leadUserId: null, version: { increment: 1 } },
    });
    await tx.projectNote.create({
      data: { projectId: p.id, kind: "lead-left", authorId: p.leadUserId!, text: "" },
    });
    changes.push(
      `practical project ${p.key ?? p.id}: lead ${p.leadUserId} left the organisation; the committee names a new lead`,
    );
  }
  return changes;
}

/** Open projects without a lead (the committee is asked to name one). */
export const leaderlessProjects = (tx: Tx) =>
  tx.practicalProject.findMany({
    where: { status: { not: "DONE" }, leadUserId: null },
    orderBy: { id: "asc" },
    include: withParts,
  });
