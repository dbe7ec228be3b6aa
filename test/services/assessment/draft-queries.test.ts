/**
 * Drafting the year's cards takes a fixed number of queries, whatever the number of branches
 * (issue 22's 300-branch budget; BENCHMARKS.md §7 measures it at 30 and 300). A count, never a
 * wall-clock time.
 */
import { afterEach, describe, expect, it } from "vitest";
import { assessmentSourcesOf, features } from "../../../src/app/features.ts";
import type { Database } from "../../../src/db/client.ts";
import type { PrismaClient } from "../../../src/generated/prisma/client.ts";
import { translator } from "../../../src/i18n/index.ts";
import { draftYear } from "../../../src/services/assessment/draft.ts";
import { yearMessages } from "../../../src/services/assessment/messages.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { assessmentPresenter } from "../../../src/slack/views/assessment/present.ts";
import { setupAssessmentOrg } from "../../helpers/assessment-year.ts";
import { createTestDatabase } from "../../helpers/database.ts";

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function draftQueries(extraBranches: number): Promise<{ queries: number; cards: number }> {
  db = await createTestDatabase();
  await setupAssessmentOrg(db, 2026, 3);
  if (extraBranches > 0) {
    await db.prisma.branch.createMany({
      data: Array.from({ length: extraBranches }, (_, i) => ({
        key: `extra${i}`,
        name: `Extra ${i}`,
        channelId: `C0EXTRA${i}`,
        createdAt: new Date("2025-01-01T00:00:00Z"),
      })),
    });
  }
  const org = (await currentOrgRecord(db))!;
  let queries = 0;
  const counted = db.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        queries += 1;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  const presenter = assessmentPresenter(translator("en"), org.timezone);
  const result = await draftYear({
    db: { ...db, prisma: counted },
    org,
    sources: assessmentSourcesOf(features),
    year: 2026,
    asOf: new Date("2026-12-20T01:00:00Z"),
    render: (view) => yearMessages(view, presenter, org.committeeChannel),
  });
  await db.close();
  db = undefined;
  return { queries, cards: result.status === "drafted" ? result.cards : 0 };
}

describe("drafting the cards", () => {
  it("takes the same number of queries for 4 branches as for 12", async () => {
    const small = await draftQueries(0);
    const large = await draftQueries(8);
    expect(small.cards).toBe(4);
    expect(large.cards).toBe(12);
    expect(large.queries).toBe(small.queries);
  });
});
