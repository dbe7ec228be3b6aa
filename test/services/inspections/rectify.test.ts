import { describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { weekOf } from "../../../src/domain/rectification.ts";
import { translator } from "../../../src/i18n/index.ts";
import { submitChecklist } from "../../../src/services/inspections/checklist.ts";
import { openRounds } from "../../../src/services/inspections/open-round.ts";
import { reassign, reportDone, verify } from "../../../src/services/inspections/rectify.ts";
import { remindRectifications } from "../../../src/services/inspections/reminders.ts";
import { rectificationView } from "../../../src/services/inspections/views.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { inspectionsPresenter } from "../../../src/slack/views/inspections/present.ts";
import { STORES, useTestDatabase, writeOrgText } from "../../helpers/database.ts";
import { inspectionsOrg } from "../../helpers/inspections-org.ts";

const file = inspectionsOrg();

const at = (iso: string) => new Date(iso);

describe.each(STORES)("findings to closure (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: file });
  it("checklist → items with owner and due date → done → reopened → verified, four eyes", async () => {
    const db = testDb();
    const record = await currentOrgRecord(db);
    if (!record) throw new Error("no org");
    await openRounds(db, record, "2027-03", inspectionsPresenter(translator("en")));
    const assignment = await db.prisma.inspectionAssignment.findFirstOrThrow({
      where: { branch: { key: "b1" } },
    });
    const inspector = assignment.inspectorUserId as string;
    const other = inspector === "U0CHAIR" ? "U0DEP" : "U0CHAIR";
    let now = at("2027-03-01T03:00:00Z");
    const deps = { db, now: () => now };
    const present = inspectionsPresenter;
    const submit = (userId: string, scores: Record<string, string>, problems: string[]) =>
      submitChecklist(deps, present, {
        assignmentId: assignment.id,
        userId,
        checklist: {
          scores,
          note: "ok",
          findings: problems.map((problem, i) => ({
            problem,
            severity: i === 0 ? "serious" : "minor",
            suggestion: "file them",
          })),
        },
      });
    // Bad input changes nothing.
    expect(await submit("U0SEC0", { meetings: "50", dues: "30" }, ["x"])).toEqual({
      ok: false,
      error: "not-inspector",
    });
    expect(await submit(inspector, { meetings: "61", dues: "30" }, ["x"])).toEqual({
      ok: false,
      error: "score",
      field: "meetings",
    });
    expect(await submit(inspector, { meetings: "50", dues: "30" }, [" "])).toEqual({
      ok: false,
      error: "finding-without-text",
    });
    expect(await db.prisma.rectification.count()).toBe(0);
    expect(
      await submit(inspector, { meetings: "50", dues: "30" }, ["minutes missing", "dues late"]),
    ).toEqual({ ok: true, items: 2, total: 80 });
    // Sending again is an amendment, which needs a reason (test/services/inspections/amend.test.ts).
    expect(await submit(inspector, { meetings: "50", dues: "30" }, ["again"])).toEqual({
      ok: false,
      error: "amend-reason-required",
    });
    const items = await db.prisma.rectification.findMany({ orderBy: { position: "asc" } });
    expect(items.map((i) => [i.problem, i.ownerId, i.dueOn, i.state])).toEqual([
      ["minutes missing", "U0SEC1", "2027-03-08", "OPEN"],
      ["dues late", "U0SEC1", "2027-03-29", "OPEN"],
    ]);
    const id = items[0]?.id as number;
    const done = (evidence: string) =>
      reportDone(deps, present, {
        id,
        userId: "U0SEC1",
        doneText: "minutes written up",
        evidence,
      });
    now = at("2027-03-04T03:00:00Z");
    expect(await done(" ")).toEqual({ ok: false, error: "evidence-required" });
    expect(await done("https://files.example/minutes.pdf")).toEqual({ ok: true });
    // The owner may not verify their own item.
    expect(await verify(deps, present, { id, userId: "U0SEC1", accept: true })).toEqual({
      ok: false,
      error: "not-verifier",
    });
    expect(await verify(deps, present, { id, userId: inspector, accept: false })).toEqual({
      ok: false,
      error: "comment-required",
    });
    expect(
      await verify(deps, present, {
        id,
        userId: inspector,
        accept: false,
        comment: "signatures missing",
      }),
    ).toEqual({ ok: true, state: "OPEN" });
    expect(await done("signed minutes attached")).toEqual({ ok: true });
    now = at("2027-03-08T03:00:00Z");
    expect(await verify(deps, present, { id, userId: other, accept: true })).toEqual({
      ok: true,
      state: "VERIFIED",
    });
    expect(await db.prisma.rectification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "VERIFIED",
      reopenCount: 1,
      lastComment: "signatures missing",
      verifiedBy: other,
      verifiedOn: "2027-03-08",
      evidence: "signed minutes attached",
    });
    // What each step said, and to whom: the branch's result, the owner's items, the verifier.
    const sent = await db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: "inspections:" } },
      orderBy: { id: "asc" },
    });
    const to = (key: string) =>
      sent.find((d) => d.dedupeKey.startsWith(key))?.payload as {
        channel?: string;
        user?: string;
        text: string;
      };
    expect(to(`inspections:assignment:${assignment.id}:result`)).toMatchObject({ channel: "C0B1" });
    expect(to(`inspections:assignment:${assignment.id}:result`).text).toContain("80 of 100");
    expect(to(`inspections:rect:${id}:open:0`)).toMatchObject({ user: "U0SEC1" });
    expect(to(`inspections:rect:${id}:open:1`).text).toContain("signatures missing");
    expect(to(`inspections:rect:${id}:reported:`)).toMatchObject({ user: inspector });
    expect(to(`inspections:rect:${id}:verified`)).toMatchObject({ user: "U0SEC1" });
  });
});

/**
 * B1 with members U0DEP (a committee member) and U0B1M; the chair inspects it and, on
 * 2027-03-01, finds one serious problem owned by U0SEC1: due 2027-03-08, reminded from 03-03.
 */
async function oneSeriousItem(database: Database) {
  await writeOrgText(
    database,
    file.replace("secretaries: [U0SEC1] }", "secretaries: [U0SEC1], members: [U0DEP, U0B1M] }"),
  );
  const record = await currentOrgRecord(database);
  if (!record) throw new Error("no org");
  await openRounds(database, record, "2027-03", inspectionsPresenter(translator("en")));
  const assignment = await database.prisma.inspectionAssignment.findFirstOrThrow({
    where: { branch: { key: "b1" } },
  });
  // U0DEP is a member of b1, so the chair inspects it.
  expect(assignment.inspectorUserId).toBe("U0CHAIR");
  const clock = { now: at("2027-03-01T03:00:00Z") };
  const deps = { db: database, now: () => clock.now };
  await submitChecklist(deps, inspectionsPresenter, {
    assignmentId: assignment.id,
    userId: "U0CHAIR",
    checklist: {
      scores: { meetings: "50", dues: "30" },
      findings: [{ problem: "minutes missing", severity: "serious" }],
    },
  });
  const item = await database.prisma.rectification.findFirstOrThrow();
  expect(item).toMatchObject({ ownerId: "U0SEC1", dueOn: "2027-03-08" });
  return { item, deps, clock };
}

describe.each(STORES)("reassigning a rectification item (%s)", (kind) => {
  const testDb = useTestDatabase(kind);
  it("a secretary or committee member hands it on; never to its inspector; four eyes hold", async () => {
    const db = testDb();
    const { item, deps } = await oneSeriousItem(db);
    const present = inspectionsPresenter;
    const move = (userId: string, owner: string) =>
      reassign(deps, present, { id: item.id, userId, owner });
    expect(await move("U0B1M", "U0DEP")).toEqual({ ok: false, error: "not-reassigner" });
    expect(await move("U0SEC1", "U0CHAIR")).toEqual({ ok: false, error: "owner-is-inspector" });
    expect(await move("U0SEC1", "U0SEC0")).toEqual({ ok: false, error: "owner-not-in-branch" });
    expect(await move("U0SEC1", "U0SEC1")).toEqual({ ok: false, error: "same-owner" });
    expect(
      (await db.prisma.rectification.findUniqueOrThrow({ where: { id: item.id } })).ownerId,
    ).toBe("U0SEC1");
    // A committee member hands it to a member of the branch, who hears of it.
    expect(await move("U0CHAIR", "U0B1M")).toEqual({ ok: true });
    // The branch's secretary hands it on to a committee member who belongs to the branch.
    expect(await move("U0SEC1", "U0DEP")).toEqual({ ok: true });
    const row = await db.prisma.rectification.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.ownerId).toBe("U0DEP");
    const audit = await db.prisma.auditLog.findMany({
      where: { entity: "rectification", action: "reassign" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.actor, a.data])).toEqual([
      ["U0CHAIR", { from: "U0SEC1", to: "U0B1M" }],
      ["U0SEC1", { from: "U0B1M", to: "U0DEP" }],
    ]);
    const dms = await db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: `inspections:rect:${item.id}:owner:` } },
      orderBy: { id: "asc" },
    });
    expect(dms.map((d) => (d.payload as { user: string }).user)).toEqual(["U0B1M", "U0DEP"]);
    expect((dms[1]?.payload as { text?: string } | undefined)?.text).toContain(
      "<@U0SEC1> made you the owner of this rectification item",
    );
    // No overdue list this week, so no list to show again.
    expect(await db.prisma.delivery.count({ where: { method: "chat.update" } })).toBe(0);
    // The reminder goes to the new owner (3 working days before 2027-03-08).
    await remindRectifications(deps, present, "2027-03-03");
    const reminder = await db.prisma.delivery.findFirstOrThrow({
      where: { dedupeKey: { contains: "remind" }, method: "dm" },
    });
    expect(reminder.payload).toMatchObject({ user: "U0DEP" });
    // Four eyes: the new owner, a committee member, may not verify the item they own.
    expect(
      await reportDone(deps, present, {
        id: item.id,
        userId: "U0DEP",
        doneText: "written up",
        evidence: "minutes.pdf",
      }),
    ).toEqual({ ok: true });
    expect(await verify(deps, present, { id: item.id, userId: "U0DEP", accept: true })).toEqual({
      ok: false,
      error: "own-item",
    });
    expect(await move("U0SEC1", "U0B1M")).toEqual({ ok: false, error: "not-open" });
    expect(await verify(deps, present, { id: item.id, userId: "U0CHAIR", accept: true })).toEqual({
      ok: true,
      state: "VERIFIED",
    });
  });
});

describe.each(STORES)("reminders follow a reassigned item (%s)", (kind) => {
  const testDb = useTestDatabase(kind);
  it("the new owner gets the reminder in effect once, however often the job runs; the old one no more", async () => {
    const db = testDb();
    const database = db;
    const { item, deps, clock } = await oneSeriousItem(database);
    const present = inspectionsPresenter;
    const remind = (today: string) => remindRectifications(deps, present, today);
    const reminders = async () =>
      (
        await database.prisma.delivery.findMany({
          where: { dedupeKey: { startsWith: `inspections:rect:${item.id}:remind:` } },
          orderBy: { id: "asc" },
        })
      ).map((d) => {
        const payload = d.payload as { user: string; text: string };
        return [payload.user, payload.text.split("\n")[0]];
      });
    // 03-03, 3 working days before 03-08: the owner is reminded, once.
    expect(await remind("2027-03-03")).toMatchObject({ reminded: 1 });
    expect(await remind("2027-03-03")).toMatchObject({ reminded: 0 });
    const before = "Reminder: this item is due on 2027-03-08";
    expect(await reminders()).toEqual([["U0SEC1", `${before}, in 3 working days.`]]);
    // Handed to U0B1M the same morning: a run that day reminds U0B1M, once.
    clock.now = at("2027-03-03T03:00:00Z");
    expect(
      await reassign(deps, present, { id: item.id, userId: "U0CHAIR", owner: "U0B1M" }),
    ).toEqual({ ok: true });
    expect(await remind("2027-03-03")).toMatchObject({ reminded: 1 });
    expect(await remind("2027-03-03")).toMatchObject({ reminded: 0 });
    // Handed to U0DEP on 03-04: the next morning's run (twice) brings it to U0DEP only.
    clock.now = at("2027-03-04T03:00:00Z");
    expect(
      await reassign(deps, present, { id: item.id, userId: "U0SEC1", owner: "U0DEP" }),
    ).toEqual({ ok: true });
    expect(await remind("2027-03-05")).toMatchObject({ reminded: 1 });
    expect(await remind("2027-03-05")).toMatchObject({ reminded: 0 });
    // The due date's reminder goes to the owner of the day only.
    expect(await remind("2027-03-08")).toMatchObject({ reminded: 1 });
    expect(await remind("2027-03-08")).toMatchObject({ reminded: 0 });
    expect(await remind("2027-03-09")).toMatchObject({ reminded: 0 });
    expect(await reminders()).toEqual([
      ["U0SEC1", `${before}, in 3 working days.`],
      ["U0B1M", `${before}, in 3 working days.`],
      ["U0DEP", `${before}, in 1 working day.`],
      ["U0DEP", "Reminder: this item is due today (2027-03-08)."],
    ]);
    // The same reminder in Chinese counts the working days left too.
    const row = await database.prisma.rectification.findUniqueOrThrow({
      where: { id: item.id },
      include: { assignment: { include: { round: true, branch: true } } },
    });
    expect(
      inspectionsPresenter(translator("zh-CN")).reminder(rectificationView(row), "before", 2).text,
    ).toContain("提醒：该整改事项将于2027年3月8日到期，还有2个工作日。");
  });

  it("the committee's weekly overdue list offers Reassign on an open item, not on one reported done", async () => {
    const db = testDb();
    const database = db;
    const { item, deps } = await oneSeriousItem(database);
    const present = inspectionsPresenter;
    const overdueList = async (today: string) => {
      expect(await remindRectifications(deps, present, today)).toMatchObject({
        overdue: 1,
        escalated: true,
      });
      const posted = await database.prisma.delivery.findFirstOrThrow({
        where: { dedupeKey: `inspections:overdue:${weekOf(today)}` },
      });
      expect(posted.payload).toMatchObject({ channel: "C0COMMITTEE" });
      return (posted.payload as { blocks: { text?: { text: string }; accessory?: unknown }[] })
        .blocks;
    };
    const [, open] = await overdueList("2027-03-09");
    expect(open?.text?.text).toContain("B1: minutes missing (due 2027-03-08, owner <@U0SEC1>)");
    expect(open?.accessory).toEqual({
      type: "button",
      text: { type: "plain_text", text: "Reassign", emoji: true },
      action_id: "insp_open_reassign",
      value: String(item.id),
    });
    await reportDone(deps, present, {
      id: item.id,
      userId: "U0SEC1",
      doneText: "written up",
      evidence: "minutes.pdf",
    });
    const [, reported] = await overdueList("2027-03-15");
    expect(reported?.text?.text).toContain("B1: minutes missing");
    expect(reported?.accessory).toBeUndefined();
  });
});
