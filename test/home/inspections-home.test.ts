/**
 * Inspections on the Home (issue 21): the owner sees their open items (Report done, overdue
 * first) and how many wait for verification; the committee sees the open round's progress and
 * the overdue items per branch, worst first, and the reported items it may verify (Accept /
 * Reopen), never its own branch's; an inspector sees the checklists they still owe (Open the
 * checklist). The loader takes the same number of queries at 4 and 300 branches, and the whole
 * Home stays valid with the section at most 8 blocks.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { translator } from "../../src/i18n/index.ts";
import { validateView } from "../../src/localslack/emulator/validate.ts";
import { loadInspectionsHome } from "../../src/services/inspections/home.ts";
import { openRounds } from "../../src/services/inspections/open-round.ts";
import { currentOrgRecord } from "../../src/services/org/current.ts";
import { renderHome } from "../../src/slack/publish-home.ts";
import { inspectionsHomeBlocks } from "../../src/slack/views/home/inspections.ts";
import { inspectionsPresenter } from "../../src/slack/views/inspections/present.ts";
import { createTestDatabase, STORES, writeOrgText } from "../helpers/database.ts";
import { queryCounter } from "../helpers/query-count.ts";

const FILE = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEP], admins: [U0CHAIR] }
branches:
  - { key: b0, name: "Branch <0>", channel: C0B0, secretaries: [U0SEC0] }
  - { key: b1, name: "Branch 1", channel: C0B1, secretaries: [U0SEC1, U0DEP] }
  - { key: b2, name: "Branch 2", channel: C0B2, secretaries: [U0SEC2] }
  - { key: b3, name: "Branch 3", channel: C0B3, secretaries: [U0SEC3] }
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
inspections: { mutual: { months: [6, 12] }, supervision: { months: [3, 6, 9, 12] } }
`;
const NOW = new Date("2027-03-05T02:00:00Z");
const TODAY = "2027-03-05";

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function seed(database: Database) {
  await writeOrgText(database, FILE);
  const record = await currentOrgRecord(database);
  if (!record) throw new Error("no org");
  await openRounds(database, record, "2027-03", inspectionsPresenter(translator("en")));
  const of = (key: string) =>
    database.prisma.inspectionAssignment.findFirstOrThrow({ where: { branch: { key } } });
  const [b0, b1] = [await of("b0"), await of("b1")];
  await database.prisma.inspectionAssignment.update({
    where: { id: b1.id },
    data: { state: "SUBMITTED", scores: { meetings: 30 }, total: 30 },
  });
  const item = (
    a: { id: number; branchId: number },
    position: number,
    state: string,
    dueOn: string,
    ownerId: string,
  ) => ({
    assignmentId: a.id,
    branchId: a.branchId,
    position,
    problem: `problem ${a.branchId}.${position} <x>`,
    severity: "general",
    ownerId,
    dueOn,
    state,
    ...(state === "REPORTED" ? { doneText: "fixed", evidence: "https://e.example/1" } : {}),
  });
  await database.prisma.rectification.createMany({
    data: [
      item(b0, 0, "OPEN", "2027-03-20", "U0SEC0"),
      item(b0, 1, "OPEN", "2027-03-04", "U0SEC0"),
      item(b0, 2, "REPORTED", "2027-03-20", "U0SEC0"),
      item(b0, 3, "VERIFIED", "2027-03-03", "U0SEC0"),
      item(b1, 0, "REPORTED", "2027-03-20", "U0SEC1"),
    ],
  });
  return { b0, b1 };
}

const viewer = (userId: string, committee: boolean, secretaryOf: { id: number }[] = []) => ({
  userId,
  committeeMember: committee,
  committee,
  secretaryOf,
});

describe.each(STORES)("inspections on the Home (%s)", (kind) => {
  it("the owner, the committee and an inspector each see their part, with the DMs' buttons", async () => {
    db = await createTestDatabase(kind);
    const { b0, b1 } = await seed(db);
    const owner = await loadInspectionsHome(
      db,
      viewer("U0SEC0", false, [{ id: b0.branchId }]),
      TODAY,
    );
    expect(owner?.owned.map((i) => [i.dueOn, i.overdue])).toEqual([
      ["2027-03-04", true],
      ["2027-03-20", false],
    ]);
    expect(owner).toMatchObject({ waiting: 1, toVerifyCount: 0, committee: null });
    const chair = await loadInspectionsHome(db, viewer("U0CHAIR", true), TODAY);
    const overdueItem = await db.prisma.rectification.findFirstOrThrow({
      where: { branchId: b0.branchId, position: 1 },
    });
    expect(chair?.committee).toEqual({
      rounds: [
        {
          kind: "supervision",
          period: "2027-03",
          closesOn: "2027-03-15",
          submitted: 1,
          assigned: 4,
          items: 5,
          closed: 1,
          overdue: 1,
        },
      ],
      overdueTotal: 1,
      overdueByBranch: [{ branch: "Branch <0>", overdue: 1 }],
      overdueItem: expect.objectContaining({
        id: overdueItem.id,
        branch: "Branch <0>",
        dueOn: "2027-03-04",
        owner: "U0SEC0",
        overdue: true,
      }),
    });
    expect(chair?.toVerifyCount).toBe(2);
    // U0DEP is a secretary of Branch 1: its item is not theirs to verify (four eyes).
    const deputy = await loadInspectionsHome(
      db,
      viewer("U0DEP", true, [{ id: b1.branchId }]),
      TODAY,
    );
    expect(deputy?.toVerify.map((i) => i.branch)).toEqual(["Branch <0>"]);
    const chairAssigned = await db.prisma.inspectionAssignment.count({
      where: { inspectorUserId: "U0CHAIR", state: { not: "SUBMITTED" } },
    });
    expect(chair?.pendingAssignments).toBe(chairAssigned);
    expect(chairAssigned).toBeGreaterThan(0);
    // Nobody in particular: nothing to show.
    expect(await loadInspectionsHome(db, viewer("U0NOBODY", false), TODAY)).toBeNull();

    const t = translator("en");
    const ownerBlocks = JSON.stringify(inspectionsHomeBlocks(owner as never, t));
    expect(ownerBlocks).toContain("*Overdue* · Branch &lt;0&gt; (general)");
    expect(ownerBlocks).toContain('"action_id":"insp_open_done"');
    const chairBlocks = inspectionsHomeBlocks(chair as never, t);
    const text = JSON.stringify(chairBlocks);
    expect(text).toContain("checklists sent 1/4 · closure rate 20% (1/5) · overdue 1");
    expect(text).toContain("*Overdue items*: 1, most in Branch &lt;0&gt; (1)");
    // The open item overdue longest, with the DMs' Reassign (the committee hands it on).
    const [, committeeSection] = chairBlocks;
    expect(JSON.stringify(committeeSection)).toContain(
      `Overdue longest: Branch &lt;0&gt; · problem ${b0.branchId}.1 &lt;x&gt; · was due 2027-03-04, owner <@U0SEC0>`,
    );
    expect(committeeSection).toMatchObject({
      accessory: {
        action_id: "insp_open_reassign",
        value: String(overdueItem.id),
        text: { text: "Reassign" },
      },
    });
    expect(text).toContain('"action_id":"insp_accept"');
    expect(text).toContain('"action_id":"insp_open_reopen"');
    expect(text).toContain('"action_id":"insp_open_checklist"');
    const zh = JSON.stringify(inspectionsHomeBlocks(chair as never, translator("zh-CN")));
    expect(zh).toContain("检查清单已交1/4 · 整改完成率20%（1/5）");
    expect(zh).toContain("逾期最久：Branch &lt;0&gt; · problem");
    expect(zh).toContain('"text":"更换责任人"');
    // An admin outside the committee's members sees the counts, not the item they may not reassign.
    const admin = await loadInspectionsHome(
      db,
      { ...viewer("U0ADMIN", true), committeeMember: false },
      TODAY,
    );
    expect(admin?.committee).toMatchObject({ overdueTotal: 1, overdueItem: null });
    // Reported done, the overdue item waits for its verifier: nothing to reassign.
    await db.prisma.rectification.update({
      where: { id: overdueItem.id },
      data: { state: "REPORTED", doneText: "fixed", evidence: "e" },
    });
    const waiting = await loadInspectionsHome(db, viewer("U0CHAIR", true), TODAY);
    expect(waiting?.committee).toMatchObject({ overdueTotal: 1, overdueItem: null });
    expect(inspectionsHomeBlocks(waiting as never, t)[1]).not.toHaveProperty("accessory");
    for (const blocks of [chairBlocks, inspectionsHomeBlocks(owner as never, t)])
      expect(blocks.length).toBeLessThanOrEqual(8);
    // The whole Home, as published.
    const home = await renderHome({ db, now: () => NOW }, { userId: "U0CHAIR" });
    expect(validateView(home)).toBeUndefined();
    expect(JSON.stringify(home.blocks)).toContain("Inspections and rectification");
  });

  it("takes the same number of queries at 4 and 300 branches, and stays within 8 blocks", async () => {
    db = await createTestDatabase(kind);
    await seed(db);
    const counting = queryCounter(db);
    const database = db;
    const count = () =>
      counting.count((reader) => loadInspectionsHome(reader, viewer("U0CHAIR", true), TODAY));
    try {
      const at4 = await count();
      const round = await database.prisma.inspectionRound.findFirstOrThrow();
      const keys = Array.from({ length: 296 }, (_, i) => `x${i}`);
      await database.prisma.branch.createMany({
        data: keys.map((key) => ({
          key,
          name: `Branch ${key} ${"n".repeat(60)}`,
          channelId: `C${key}`,
        })),
      });
      const branches = await database.prisma.branch.findMany({ where: { key: { in: keys } } });
      await database.prisma.inspectionAssignment.createMany({
        data: branches.map((b) => ({
          roundId: round.id,
          branchId: b.id,
          inspectorUserId: "U0CHAIR",
        })),
      });
      const assignments = await database.prisma.inspectionAssignment.findMany({
        where: { branchId: { in: branches.map((b) => b.id) } },
      });
      await database.prisma.rectification.createMany({
        data: assignments.flatMap((a) =>
          [0, 1].map((position) => ({
            assignmentId: a.id,
            branchId: a.branchId,
            position,
            problem: `problem ${"p".repeat(900)}`,
            severity: "serious",
            ownerId: "U0CHAIR",
            dueOn: position === 0 ? "2027-03-01" : "2027-03-30",
            state: position === 0 ? "OPEN" : "REPORTED",
            doneText: "d".repeat(900),
            evidence: "e".repeat(900),
          })),
        ),
      });
      const at300 = await count();
      console.log(
        `inspections Home queries: ${at4.queries} at 4 branches, ${at300.queries} at 300`,
      );
      expect(at300.queries).toBe(at4.queries);
      expect(at4.queries).toBe(7);
      expect(at300.view?.committee?.overdueTotal).toBe(297);
      // The open item overdue longest: due 03-01, the first of the added branches.
      expect(at300.view?.committee?.overdueItem).toMatchObject({
        branch: `Branch x0 ${"n".repeat(60)}`,
        dueOn: "2027-03-01",
      });
      expect(at300.view?.pendingAssignments).toBeGreaterThanOrEqual(30);
      for (const locale of ["en", "zh-CN"] as const) {
        const blocks = inspectionsHomeBlocks(at300.view as never, translator(locale));
        expect(blocks.length).toBeLessThanOrEqual(8);
        expect(validateView({ type: "home", blocks })).toBeUndefined();
      }
      const home = await renderHome({ db: database, now: () => NOW }, { userId: "U0CHAIR" });
      expect(validateView(home)).toBeUndefined();
    } finally {
      await counting.close();
    }
  });
});
