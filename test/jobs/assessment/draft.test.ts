import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentSourcesOf, features } from "../../../src/app/features.ts";
import type { Database } from "../../../src/db/client.ts";
import { assessmentDraftJob } from "../../../src/jobs/assessment/draft.ts";
import type { JobContext, JobOrg } from "../../../src/jobs/define.ts";
import { applyOrgText } from "../../../src/services/org/apply-org.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { offlineResolver } from "../../../src/services/org/resolver.ts";
import { seedAssessmentYear, withAssessment } from "../../helpers/assessment-year.ts";
import { EXAMPLE_ORG } from "../../helpers/bot.ts";
import { createTestDatabase } from "../../helpers/database.ts";

let db: Database;
let org: JobOrg;
const job = assessmentDraftJob(() => assessmentSourcesOf(features));

beforeAll(async () => {
  db = await createTestDatabase();
  const text = withAssessment(await readFile(EXAMPLE_ORG, "utf8"));
  const applied = await applyOrgText(db, offlineResolver, text, "org.yml", {
    actor: "test",
    source: "test",
    assessmentSources: assessmentSourcesOf(features).map((s) => s.name),
  });
  if (applied.status === "invalid") throw new Error(applied.lines.join("\n"));
  const branches = await db.prisma.branch.findMany({ orderBy: { id: "asc" } });
  await db.prisma.branch.updateMany({ data: { createdAt: new Date("2025-01-01T00:00:00Z") } });
  await seedAssessmentYear(db, {
    year: 2026,
    branchIds: branches.map((b) => b.id),
    speakers: ["U0SEC1", "U0SEC2", "U0SEC3", "U0DEPUTY"],
  });
  const record = await currentOrgRecord(db);
  org = { ...record!, firstAppliedAt: new Date("2025-01-01T00:00:00Z") };
});
afterAll(async () => {
  await db?.close();
});

describe("the assessment-draft job", () => {
  it("fires on the org file's draft date in the org's zone, once a year", () => {
    const fire = new Date("2026-12-20T01:00:00Z"); // 09:00 in Asia/Shanghai
    expect(job.occurrenceFor(org, new Date("2026-12-25T00:00:00Z"))).toEqual({
      key: "2026",
      fireAt: fire,
    });
    expect(job.occurrenceFor(org, new Date("2026-12-20T00:59:00Z"))?.key).toBe("2025");
    expect(
      job.occurrencesBetween(
        org,
        new Date("2026-01-01T00:00:00Z"),
        new Date("2028-01-01T00:00:00Z"),
      ),
    ).toEqual([
      { key: "2026", fireAt: fire },
      { key: "2027", fireAt: new Date("2027-12-20T01:00:00Z") },
    ]);
  });

  it("drafts every branch's card, posts the ranking to the committee and each secretary their card with its evidence", async () => {
    const ctx = { db, org, source: "manual", attempt: 1, runner: "test" } as unknown as JobContext;
    const o = job.occurrenceFor(org, new Date("2026-12-21T00:00:00Z"))!;
    const result = await job.run(ctx, o, new Date("2026-12-21T00:00:00Z"));
    expect(result).toEqual({ status: "drafted", year: 2026, cards: 4 });
    const deliveries = await db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: "assessment:2026:" } },
      orderBy: { id: "asc" },
    });
    const summary = deliveries.find((d) => d.dedupeKey === "assessment:2026:draft:summary")!;
    const payload = summary.payload as { channel: string; text: string; blocks: object[] };
    expect(payload.channel).toBe("C0COMMITTEE");
    const summaryText = JSON.stringify(payload.blocks);
    expect(summaryText).toContain("2026年度考核");
    for (const name of [
      "移交安置处党支部",
      "服务保障处党支部",
      "权益维护处党支部",
      "机关综合党支部",
    ]) {
      expect(summaryText).toContain(name);
    }
    // Without the review-meeting score and the effectiveness score, nobody is graded yet.
    expect(summaryText).toContain("尚未评定");
    const cards = deliveries.filter((d) => d.method === "dm");
    expect(cards.map((d) => (d.payload as { user: string }).user).sort()).toEqual([
      "U0DEPUTY",
      "U0SEC1",
      "U0SEC2",
      "U0SEC3",
    ]);
    // Branch 0 (resettlement): May and October late ((0 + m) % 5 === 0). Due Tue 5 May (the
    // Labour Day holiday runs to the 5th), sent Sat 9 May, a make-up working day: 4 working
    // days late (6, 7, 8, 9) on the statutory calendar.
    const sec1 = JSON.stringify(
      (
        cards.find((d) => (d.payload as { user: string }).user === "U0SEC1")!.payload as {
          blocks: object[];
        }
      ).blocks,
    );
    expect(sec1).toContain("移交安置处党支部");
    expect(sec1).toContain("2026-05：逾期4个工作日报送");
    expect(sec1).toContain("https://slack.com/archives/C0COMMITTEE/p");
    expect(sec1).toContain("审核通过前曾被退回");
    expect(sec1).toContain("未完成：2026-03 item 3");
    // Ran again (catch-up, a retry): nothing new.
    const again = await job.run(ctx, o, new Date("2026-12-22T00:00:00Z"));
    expect(again).toEqual({ status: "exists", year: 2026 });
    expect(
      await db.prisma.delivery.count({ where: { dedupeKey: { startsWith: "assessment:2026:" } } }),
    ).toBe(deliveries.length);
  });
});
