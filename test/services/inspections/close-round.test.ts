/**
 * A round's end: the inspection-close job fires the day after the window, closes the month's
 * rounds once and posts the comparison to the committee (ranking with each branch's change
 * against its previous round, the items where most branches lost points, the closure so far);
 * a checklist is refused after it. The comparison stays within Slack's limits at 300 branches.
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../../src/i18n/index.ts";
import { inspectionCloseJob } from "../../../src/jobs/inspections/round.ts";
import { LIMITS, validateMessage } from "../../../src/localslack/emulator/validate.ts";
import type { RoundComparison } from "../../../src/ports/inspections.ts";
import { openChecklist } from "../../../src/services/inspections/checklist.ts";
import { closeRounds } from "../../../src/services/inspections/close-round.ts";
import { openRounds } from "../../../src/services/inspections/open-round.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { inspectionsPresenter } from "../../../src/slack/views/inspections/present.ts";
import { STORES, useTestDatabase } from "../../helpers/database.ts";

const file = (
  branches: number,
  locale = "en",
) => `organization: { name: T, timezone: Asia/Shanghai, locale: ${locale} }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEP] }
branches:
${Array.from(
  { length: branches },
  (_, i) => `  - { key: b${i}, name: "Branch <${i}>", channel: C0B${i}, secretaries: [U0SEC${i}] }`,
).join("\n")}
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
inspections: { mutual: { months: [6, 12] }, supervision: { months: [3, 6, 9, 12] } }
`;

const scoresOf = (meetings: number, themeDay: number, dues: number, study: number) => ({
  meetings,
  "theme-day": themeDay,
  dues,
  study,
});

describe.each(STORES)("closing a round (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: file(4) });
  it("closes once after its window, posts the ranking, the weak items and each change; no checklist after", async () => {
    const db = testDb();
    const record = await currentOrgRecord(db);
    if (!record) throw new Error("no org");
    const presenter = inspectionsPresenter(translator("en"));
    await openRounds(db, record, "2026-12", presenter);
    await openRounds(db, record, "2027-03", presenter);
    const database = db;
    const score = async (round: string, branch: string, scores: Record<string, number>) => {
      const a = await database.prisma.inspectionAssignment.findFirstOrThrow({
        where: { round: { key: round }, branch: { key: branch } },
      });
      await database.prisma.inspectionAssignment.update({
        where: { id: a.id },
        data: { state: "SUBMITTED", scores, total: Object.values(scores).reduce((s, v) => s + v) },
      });
      return a;
    };
    await score("supervision:2026-12", "b0", scoresOf(30, 20, 20, 10));
    await score("supervision:2026-12", "b1", scoresOf(30, 20, 20, 20));
    await score("supervision:2026-12", "b2", scoresOf(30, 10, 20, 10));
    const b0 = await score("supervision:2027-03", "b0", scoresOf(30, 20, 15, 20));
    await score("supervision:2027-03", "b1", scoresOf(30, 20, 20, 20));
    await score("supervision:2027-03", "b2", scoresOf(25, 20, 20, 30));
    await db.prisma.rectification.create({
      data: {
        assignmentId: b0.id,
        branchId: b0.branchId,
        position: 0,
        problem: "dues",
        severity: "serious",
        ownerId: "U0SEC0",
        dueOn: "2027-03-10",
      },
    });
    const deps = (at: string) => ({ db: database, now: () => new Date(at) });
    // Still within the window (it closes on 2027-03-15): nothing closes.
    expect(
      await closeRounds(deps("2027-03-15T08:00:00Z"), inspectionsPresenter, "2027-03"),
    ).toEqual({ closed: [] });
    expect(
      await closeRounds(deps("2027-03-16T01:00:00Z"), inspectionsPresenter, "2027-03"),
    ).toEqual({ closed: ["supervision:2027-03"] });
    // Run twice: posted once.
    expect(
      await closeRounds(deps("2027-03-16T02:00:00Z"), inspectionsPresenter, "2027-03"),
    ).toEqual({ closed: [] });
    const posts = await db.prisma.delivery.findMany({
      where: { dedupeKey: { endsWith: ":closed" } },
    });
    expect(posts.map((p) => p.dedupeKey)).toEqual(["inspections:supervision:2027-03:closed"]);
    const payload = posts[0]?.payload as { channel: string; text: string; blocks: unknown[] };
    expect(payload.channel).toBe("C0COMMITTEE");
    const all = JSON.stringify(payload.blocks);
    expect(payload.text).toContain(
      "*supervision March 2027* closed on 2027-03-15: 3 of 4 branches inspected.",
    );
    expect(payload.text).toContain(
      "Rectification items: 1, verified 0 (closure rate 0%), overdue 1.",
    );
    // The ranking, best first, with each branch's change against December.
    expect(all).toContain(
      [
        "1. Branch &lt;2&gt;: 95/100 (+25)",
        "2. Branch &lt;1&gt;: 90/100 (no change)",
        "3. Branch &lt;0&gt;: 85/100 (+5)",
      ].join("\\n"),
    );
    expect(all).toContain(
      [
        "• Study notes: lost points in 2 branches, 20 points in all",
        "• Party dues: lost points in 1 branches, 5 points in all",
        "• Three meetings and one lesson: lost points in 1 branches, 5 points in all",
      ].join("\\n"),
    );
    expect(all).toContain("*Not inspected* (1):\\nBranch &lt;3&gt;");
    const closedRound = await db.prisma.inspectionRound.findUniqueOrThrow({
      where: { key: "supervision:2027-03" },
    });
    expect(closedRound.closedAt).toEqual(new Date("2027-03-16T01:00:00Z"));
    // The December rounds (another month) are untouched; a checklist is refused after the close.
    expect(
      (await db.prisma.inspectionRound.findMany({ where: { closedAt: null } })).map((r) => r.key),
    ).toEqual(["mutual:2026-12", "supervision:2026-12"]);
    const b3 = await db.prisma.inspectionAssignment.findFirstOrThrow({
      where: { round: { key: "supervision:2027-03" }, branch: { key: "b3" } },
    });
    expect(
      await openChecklist(deps("2027-03-16T03:00:00Z"), {
        assignmentId: b3.id,
        userId: b3.inspectorUserId as string,
      }),
    ).toEqual({ ok: false, error: "round-closed" });
  });
});

describe("the inspection-close job", () => {
  const org = {
    timezone: "Asia/Shanghai",
    locale: "en",
    firstAppliedAt: new Date("2026-01-01T00:00:00Z"),
    settings: {
      calendar: { holidays: [], workdays: [] },
      inspections: { mutual: { months: [6, 12] }, supervision: { months: [3, 6, 9, 12] } },
    },
  };
  it("fires the day after each round month's window, at the round time, keyed by the month", () => {
    expect(
      inspectionCloseJob.occurrencesBetween(
        org,
        new Date("2027-01-01T00:00:00Z"),
        new Date("2027-07-01T00:00:00Z"),
      ),
    ).toEqual([
      { key: "2027-03", fireAt: new Date("2027-03-16T01:00:00Z") },
      { key: "2027-06", fireAt: new Date("2027-06-16T01:00:00Z") },
    ]);
    expect(inspectionCloseJob.occurrenceFor(org, new Date("2027-06-20T00:00:00Z"))).toEqual({
      key: "2027-06",
      fireAt: new Date("2027-06-16T01:00:00Z"),
    });
    expect(inspectionCloseJob.occurrenceFor(org, new Date("2027-06-10T00:00:00Z"))?.key).toBe(
      "2027-03",
    );
  });
});

describe("the comparison at 300 branches", () => {
  const comparison = (n: number): RoundComparison => ({
    kind: "supervision",
    period: "2027-03",
    closesOn: "2027-03-15",
    ranking: Array.from({ length: n - 20 }, (_, i) => ({
      rank: i + 1,
      branch: `第${i}党支部 ${"长".repeat(40)}`,
      total: 100 - (i % 100),
      max: 100,
      change: i % 3 === 0 ? null : i % 3 === 1 ? 2.5 : -4,
    })),
    notInspected: Array.from({ length: 20 }, (_, i) => `Not inspected <${i}> ${"x".repeat(60)}`),
    weak: Array.from({ length: 40 }, (_, i) => ({
      item: { key: `k${i}`, title: `Item ${i} ${"y".repeat(80)}`, maxScore: 10, hint: null },
      branchesLosing: 280 - i,
      pointsLost: 900 - i,
    })),
    items: 1200,
    closed: 700,
    overdue: 90,
  });
  it.each(["en", "zh-CN"] as const)(
    "in %s: one message Slack accepts, every branch ranked",
    (locale) => {
      const message = inspectionsPresenter(translator(locale)).comparison(comparison(300));
      expect(
        validateMessage(message, { maxText: LIMITS.postText, requireTextWithBlocks: true }),
      ).toBeUndefined();
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      const all = JSON.stringify(message.blocks);
      expect(all).toContain("280. 第279党支部");
      expect(all).toContain("Not inspected &lt;19&gt;");
    },
  );
});
