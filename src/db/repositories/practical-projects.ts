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
