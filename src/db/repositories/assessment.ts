/** The assessment's tables (issue 22). */
import type { Database, Prisma } from "../client.ts";

type Tx = Prisma.TransactionClient;

export function findAssessmentYear(db: Database | Tx, year: number) {
  const client = "prisma" in db ? db.prisma : db;
  return client.assessmentYear.findUnique({ where: { year } });
}

/** A year with every card, its branch and people, scores and remarks: one query. */
export function loadAssessmentYear(db: Database | Tx, year: number) {
  const client = "prisma" in db ? db.prisma : db;
  return client.assessmentYear.findUnique({
    where: { year },
    include: {
      cards: {
        orderBy: { branchId: "asc" },
        include: {
          branch: { select: cardBranch },
          scores: true,
          remarks: { orderBy: { id: "asc" } },
        },
      },
    },
  });
}
export type LoadedYear = NonNullable<Awaited<ReturnType<typeof loadAssessmentYear>>>;

/** The branch columns a card shows (its name, channel and secretaries). */
const cardBranch = {
  key: true,
  name: true,
  channelId: true,
  roles: {
    where: { role: "SECRETARY" },
    select: { person: { select: { slackUserId: true } } },
  },
} as const satisfies Prisma.BranchSelect;

export function activeBranchesForAssessment(db: Database) {
  return db.prisma.branch.findMany({
    where: { active: true },
    select: { id: true, createdAt: true, ...cardBranch },
    orderBy: { id: "asc" },
  });
}

export interface NewCard {
  branchId: number;
  fromPeriod: string;
  toPeriod: string;
  computed: Prisma.InputJsonValue;
}

/**
 * Creates the year and its cards (two statements) and returns each card's id by branch; null when
 * the year already exists. Only the ids come back: the caller holds the rest.
 */
export async function createAssessmentYear(
  tx: Tx,
  year: number,
  rules: Prisma.InputJsonValue,
  asOf: Date,
  cards: readonly NewCard[],
): Promise<Map<number, number> | null> {
  const created = await tx.assessmentYear.createMany({
    data: [{ year, rules, asOf }],
    skipDuplicates: true,
  });
  if (created.count === 0) return null;
  const rows = await tx.assessmentCard.createManyAndReturn({
    data: cards.map((c) => ({ ...c, year })),
    select: { id: true, branchId: true },
  });
  return new Map(rows.map((r) => [r.branchId, r.id]));
}

/** A person's committee roles and branch roles (who may score, remark, answer, finalize). */
export async function assessmentActor(db: Database | Tx, userId: string) {
  const client = "prisma" in db ? db.prisma : db;
  const person = await client.person.findUnique({
    where: { slackUserId: userId },
    select: {
      committeeRoles: { select: { role: true } },
      branchRoles: { select: { branchId: true, role: true } },
    },
  });
  return {
    committeeMember: person?.committeeRoles.some((r) => r.role === "MEMBER") ?? false,
    committeeAdmin: person?.committeeRoles.some((r) => r.role === "ADMIN") ?? false,
    branchIds: [...new Set(person?.branchRoles.map((r) => r.branchId) ?? [])],
    secretaryOf:
      person?.branchRoles.filter((r) => r.role === "SECRETARY").map((r) => r.branchId) ?? [],
  };
}

/** A year's card of a branch (by key), with its computed values. */
export function findCard(tx: Tx, year: number, branchKey: string) {
  return tx.assessmentCard.findFirst({
    where: { year, branch: { key: branchKey } },
    select: { id: true, branchId: true, computed: true },
  });
}

export async function upsertScore(
  tx: Tx,
  s: { cardId: number; indicator: string; score: number; by: string; at: Date },
): Promise<void> {
  await tx.assessmentScore.upsert({
    where: { cardId_indicator: { cardId: s.cardId, indicator: s.indicator } },
    create: {
      cardId: s.cardId,
      indicator: s.indicator,
      score: s.score,
      scoredBy: s.by,
      scoredAt: s.at,
    },
    update: { score: s.score, scoredBy: s.by, scoredAt: s.at },
  });
  await tx.assessmentCard.update({ where: { id: s.cardId }, data: { version: { increment: 1 } } });
}

/** The year's cards by branch key (id only). */
export async function cardIdsByBranch(tx: Tx, year: number): Promise<Map<string, number>> {
  const cards = await tx.assessmentCard.findMany({
    where: { year },
    select: { id: true, branch: { select: { key: true } } },
  });
  return new Map(cards.map((c) => [c.branch.key, c.id]));
}

export async function setEffectiveness(tx: Tx, cardId: number, score: number): Promise<void> {
  await tx.assessmentCard.update({
    where: { id: cardId },
    data: { effectiveness: score, version: { increment: 1 } },
  });
}

export function insertRemark(
  tx: Tx,
  r: {
    cardId: number;
    indicator: string | null;
    kind: "remark" | "contest";
    text: string;
    by: string;
    at: Date;
  },
) {
  return tx.assessmentRemark.create({ data: r, select: { id: true } });
}

export function findRemark(tx: Tx, id: number) {
  return tx.assessmentRemark.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      indicator: true,
      answer: true,
      by: true,
      card: { select: { id: true, year: true, branchId: true, computed: true } },
    },
  });
}

/** Answers a remark not answered yet: false when someone answered it first. */
export async function answerRemarkIfOpen(
  tx: Tx,
  a: { id: number; answer: string; by: string; at: Date; corrected: number | null },
): Promise<boolean> {
  const done = await tx.assessmentRemark.updateMany({
    where: { id: a.id, answer: null },
    data: { answer: a.answer, answeredBy: a.by, answeredAt: a.at, corrected: a.corrected },
  });
  return done.count === 1;
}

/** Draft → final, once: false when the year is not a draft (any more). */
export async function markFinal(tx: Tx, year: number, by: string, at: Date): Promise<boolean> {
  const done = await tx.assessmentYear.updateMany({
    where: { year, state: "draft" },
    data: { state: "final", finalizedAt: at, finalizedBy: by, version: { increment: 1 } },
  });
  return done.count === 1;
}

export async function freezeCard(tx: Tx, cardId: number, frozen: Prisma.InputJsonValue) {
  await tx.assessmentCard.update({ where: { id: cardId }, data: { frozen } });
}

export async function auditAssessment(
  tx: Tx,
  e: { actor: string; action: string; entityId: string; data?: Prisma.InputJsonValue; at: Date },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actor: e.actor,
      action: e.action,
      entity: "AssessmentYear",
      entityId: e.entityId,
      ...(e.data === undefined ? {} : { data: e.data }),
      at: e.at,
    },
  });
}

/** The latest year that has cards (the one Slack's assessment surfaces act on), or null. */
export async function latestAssessmentYear(db: Database): Promise<number | null> {
  const found = await db.prisma.assessmentYear.findFirst({
    orderBy: { year: "desc" },
    select: { year: true },
  });
  return found?.year ?? null;
}

/** The year of a remark's card, or null. */
export async function remarkYear(db: Database, id: number): Promise<number | null> {
  const found = await db.prisma.assessmentRemark.findUnique({
    where: { id },
    select: { card: { select: { year: true } } },
  });
  return found?.card.year ?? null;
}

/** The latest year with cards from `since` on, or null (the Home shows this one). */
export async function latestAssessmentYearSince(db: Tx, since: number): Promise<number | null> {
  const found = await db.assessmentYear.findFirst({
    where: { year: { gte: since } },
    orderBy: { year: "desc" },
    select: { year: true },
  });
  return found?.year ?? null;
}
