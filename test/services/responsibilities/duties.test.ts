import { describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import {
  dutyOverview,
  markDuties,
  openDutyEditor,
  openDutyMarks,
  saveDutyList,
} from "../../../src/services/responsibilities/duties.ts";
import { STORES, useTestDatabase } from "../../helpers/database.ts";

const DUTIES_ORG = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEPUTY, U0COMM3], admins: [U0CHAIR] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
calendar: { useStatutoryHolidays: false }
responsibilities:
  year: 2027
  committee:
    - { duty: Plan the year's work on governing the party strictly, target: q1, result: One meeting }
    - { duty: Full-coverage supervision, target: q4 }
  members:
    U0CHAIR:
      - { duty: Give a lecture on clean government, target: q2 }
    U0DEPUTY:
      - { duty: Check the offices in charge, target: m2, result: Two checks }
      - { duty: Attend the branch's organisational life meeting, target: m12 }
`;

async function setUp(db: Database) {
  const now = new Date("2027-04-02T02:00:00Z");
  const deps = { db, now: () => now };
  const idOf = async (duty: string) =>
    (await db.prisma.responsibilityItem.findFirstOrThrow({ where: { duty } })).id;
  return { db, deps, idOf };
}

describe.each(STORES)("responsibility lists: marking and editing (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: DUTIES_ORG });
  it("a member sees their items and the committee's, overdue first, and marks them; another's item is refused", async () => {
    const { db, deps, idOf } = await setUp(testDb());
    const opened = await openDutyMarks(deps, "U0DEPUTY");
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.form.items.map((d) => [d.owner, d.duty, d.standing])).toEqual([
      ["committee", "Plan the year's work on governing the party strictly", "overdue"],
      ["U0DEPUTY", "Check the offices in charge", "overdue"],
      ["committee", "Full-coverage supervision", "in-progress"],
      ["U0DEPUTY", "Attend the branch's organisational life meeting", "in-progress"],
    ]);
    expect(await openDutyMarks(deps, "U0SEC1")).toEqual({ ok: false, error: "not-committee" });

    const chairs = await idOf("Give a lecture on clean government");
    const refused = await markDuties(deps, "U0DEPUTY", [
      { id: chairs, done: true, note: null, movedTo: null },
    ]);
    expect(refused).toEqual({ ok: false, error: "not-yours" });
    expect(
      (await db.prisma.responsibilityItem.findUniqueOrThrow({ where: { id: chairs } })).status,
    ).toBe("OPEN");

    const plan = await idOf("Plan the year's work on governing the party strictly");
    const check = await idOf("Check the offices in charge");
    // an overdue item moved without a reason, or to a month already past: errors on their fields
    const bad = await markDuties(deps, "U0DEPUTY", [
      { id: plan, done: true, note: "Held on 3 March", movedTo: null },
      { id: check, done: false, note: " ", movedTo: "m6" },
    ]);
    expect(bad).toMatchObject({
      ok: false,
      error: "invalid",
      problems: [{ id: check, field: "note", error: "reasonRequired" }],
    });
    const past = await markDuties(deps, "U0DEPUTY", [
      { id: check, done: false, note: "The office moved", movedTo: "m3" },
    ]);
    expect(past).toMatchObject({
      problems: [{ id: check, field: "move", error: "targetOutsideYear" }],
    });
    expect(
      await db.prisma.responsibilityItemEvent.count({ where: { kind: { not: "added" } } }),
    ).toBe(0);

    const ok = await markDuties(deps, "U0DEPUTY", [
      { id: plan, done: true, note: "Held on 3 March", movedTo: null },
      { id: check, done: false, note: "The office moved", movedTo: "m6" },
    ]);
    expect(ok).toMatchObject({ ok: true, changed: 2, concerned: ["U0DEPUTY", "U0CHAIR"] });
    const rows = await db.prisma.responsibilityItem.findMany({
      where: { id: { in: [plan, check] } },
      include: { events: { orderBy: { id: "asc" } } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.status, r.doneBy, r.target, r.movedFrom, r.progress])).toEqual([
      ["DONE", "U0DEPUTY", "q1", null, "Held on 3 March"],
      ["OPEN", null, "m6", "m2", "The office moved"],
    ]);
    expect(rows.map((r) => r.events.map((e) => e.kind))).toEqual([
      ["added", "done"],
      ["added", "moved"],
    ]);
    // the same answers again change nothing
    expect(
      await markDuties(deps, "U0DEPUTY", [
        { id: plan, done: true, note: "Held on 3 March", movedTo: null },
      ]),
    ).toMatchObject({ ok: true, changed: 0 });
  });

  it("only a system admin edits a list or sees everyone's; bad rows are errors and nothing is stored", async () => {
    const { db, deps } = await setUp(testDb());
    expect(await openDutyEditor(deps, "U0DEPUTY", "U0COMM3")).toEqual({
      ok: false,
      error: "not-admin",
    });
    expect(
      await saveDutyList(deps, "U0DEPUTY", {
        year: 2027,
        owner: "U0DEPUTY",
        rows: [{ row: 0, title: "Mine", target: "q3" }],
      }),
    ).toEqual({ ok: false, error: "not-admin" });
    expect(await dutyOverview(deps, "U0DEPUTY")).toEqual({ ok: false, error: "not-admin" });
    expect(await openDutyEditor(deps, "U0CHAIR", "U0SEC1")).toEqual({
      ok: false,
      error: "not-committee",
    });

    const opened = await openDutyEditor(deps, "U0CHAIR", "U0COMM3");
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.form.rows[0]).toEqual({ row: 0 });
    const bad = await saveDutyList(deps, "U0CHAIR", {
      year: 2027,
      owner: "U0COMM3",
      rows: [
        { row: 0, title: "Talk to every office head", target: null },
        { row: 1, title: "", target: "q2", expectedResult: "something" },
      ],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: "invalid",
      problems: [
        { row: 0, field: "target", error: "targetRequired" },
        { row: 1, field: "title", error: "titleRequired" },
      ],
    });
    expect(await db.prisma.responsibilityList.count({ where: { owner: "U0COMM3" } })).toBe(0);
    const saved = await saveDutyList(deps, "U0CHAIR", {
      year: 2027,
      owner: "U0COMM3",
      rows: [
        { row: 0, title: "Talk to every office head", target: "q3", expectedResult: "All heads" },
        { row: 1 },
      ],
    });
    expect(saved).toMatchObject({ ok: true, count: 1 });
    const list = await db.prisma.responsibilityList.findFirstOrThrow({
      where: { owner: "U0COMM3" },
      include: { items: true },
    });
    expect([list.source, list.updatedBy]).toEqual(["admin", "U0CHAIR"]);
    expect(list.items.map((i) => [i.duty, i.target, i.result])).toEqual([
      ["Talk to every office head", "q3", "All heads"],
    ]);

    const shown = await dutyOverview(deps, "U0CHAIR");
    if (!shown.ok) throw new Error(shown.error);
    expect(shown.overview.owners).toEqual([
      { owner: "committee", done: 0, inProgress: 1, overdue: 1 },
      { owner: "U0DEPUTY", done: 0, inProgress: 1, overdue: 1 },
      { owner: "U0CHAIR", done: 0, inProgress: 1, overdue: 0 },
      { owner: "U0COMM3", done: 0, inProgress: 1, overdue: 0 },
    ]);
    expect(shown.overview.overdue.map((d) => d.duty)).toEqual([
      "Plan the year's work on governing the party strictly",
      "Check the offices in charge",
    ]);
  });
});
