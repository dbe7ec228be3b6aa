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
          branch: {
            select: {
              key: true,
              name: true,
              channelId: true,
              roles: {
                where: { role: "SECRETARY" },
                select: { person: { select: { slackUserId: true } } },
              },
            },
          },
          scores: true,
          remarks: { orderBy: { id: "asc" } },
        },
      },
    },
  });
}
export type LoadedYear = NonNullable<Awaited<ReturnType<typeof loadAssessmentYear>>>;

export function activeBranchesForAssessment(db: Database) {
  return db.prisma.branch.findMany({
    where: { active: true },
    select: { id: true, key: true, createdAt: true },
    orderBy: { id: "asc" },
  });
}

export interface NewCard {
  branchId: number;
  fromPeriod: string;
  toPeriod: string;
  computed: Prisma.InputJsonValue;
}

/** Creates the year and its cards (two statements); false when the year already exists. */
export async function createAssessmentYear(
  tx: Tx,
  year: number,
  rules: Prisma.InputJsonValue,
  asOf: Date,
  cards: readonly NewCard[],
): Promise<boolean> {
  const created = await tx.assessmentYear.createMany({
    data: [{ year, rules, asOf }],
    skipDuplicates: true,
  });
  if (created.count === 0) return false;
  await tx.assessmentCard.createMany({ data: cards.map((c) => ({ ...c, year })) });
  return true;
}
