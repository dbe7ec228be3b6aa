import { describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import type { RawPlanRow } from "../../../src/domain/annual-plan.ts";
import type { PlanDeps } from "../../../src/ports/annual-plans.ts";
import {
  decidePlan,
  prepareReturn,
  withdrawPlan,
} from "../../../src/services/annual-plans/decide.ts";
import { keepPage, openPlanForm } from "../../../src/services/annual-plans/form.ts";
import { ensureAnnualPlanRequests } from "../../../src/services/annual-plans/reminder.ts";
import { checkPlanSubmission, submitPlan } from "../../../src/services/annual-plans/submit.ts";
import { annualPlanPresenter } from "../../../src/slack/views/annual-plans/present.ts";
import { STORES, useTestDatabase } from "../../helpers/database.ts";

const file = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEP, U0SEC0] }
branches:
  - { key: b0, name: "B0 <&>", channel: C0B0, secretaries: [U0SEC0], members: [U0M1] }
  - { key: b1, name: B1, channel: C0B1, secretaries: [U0SEC1] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
`;

const NOW = new Date("2027-01-05T01:00:00Z");

async function setUp(db: Database) {
  const deps: PlanDeps = {
    db,
    now: () => NOW,
    presenters: { annualPlans: annualPlanPresenter },
  };
  const run = { db, at: NOW, source: "annual-plan-reminder", presenters: deps.presenters };
  return { db, deps, run };
}

const row = (n: number, title: string, target: string, owner?: string): RawPlanRow => ({
  row: n,
  title,
  target,
  owner: owner ?? null,
  expectedResult: `${title} done`,
});

async function planOf(db: Database, branch: string, kind: "ARRANGEMENT" | "THEORY") {
  return db.prisma.annualPlan.findFirstOrThrow({
    where: { branch: { key: branch }, kind, year: 2027 },
  });
}

const payloadsOf = async (db: Database, prefix: string) =>
  (
    await db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: prefix } },
      orderBy: { id: "asc" },
    })
  ).map((d) => ({ key: d.dedupeKey, payload: d.payload as { text: string; blocks?: unknown[] } }));

describe.each(STORES)("the annual plans' round trip (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: file });
  it("request → submit (two pages) → return → revise (changes shown) → withdraw → approve → amend", async () => {
    const { db, deps, run } = await setUp(testDb());
    // The annual reminder: four plans for each branch and one request each, however often run.
    const first = await ensureAnnualPlanRequests(run, 2027);
    const again = await ensureAnnualPlanRequests(run, 2027);
    expect(first).toMatchObject({ branches: 2, plansCreated: 8, requestsPosted: 2 });
    expect(again).toMatchObject({ plansCreated: 0, requestsPosted: 0 });
    const requests = await payloadsOf(db, "annual-plan:reminder:");
    expect(requests).toHaveLength(2);
    expect(requests[0]?.payload.text).toContain(
      "B0 &lt;&amp;&gt;: please submit the four plans for 2027",
    );

    const plan = await planOf(db, "b0", "ARRANGEMENT");
    const who = (userId: string) => ({ planId: plan.id, userId });

    // Only the branch's secretaries open the modal.
    expect(await openPlanForm(deps, who("U0M1"))).toEqual({ ok: false, error: "not-secretary" });
    const opened = await openPlanForm(deps, who("U0SEC0"));
    expect(opened).toMatchObject({ ok: true, form: { kind: "submit", rows: [], page: 0 } });

    // Page 1 typed and turned: kept in the draft; the rows of page 2 then join them.
    await keepPage(deps, {
      ...who("U0SEC0"),
      typed: [row(0, "Annual meeting", "m3", "U0M1"), row(1, "Party lecture", "q2")],
      to: 1,
    });
    // Bad input: no target, a responsible person not in the branch; nothing stored.
    const bad = await checkPlanSubmission(deps, {
      ...who("U0SEC0"),
      typed: [{ row: 10, title: "No target" }, row(11, "Outsider", "m5", "U0SEC1")],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: "rows",
      errors: [
        { row: 10, field: "target", error: "targetRequired" },
        { row: 11, field: "owner", error: "ownerNotInBranch" },
      ],
    });
    expect(await db.prisma.annualPlanRevision.count()).toBe(0);
    const checked = await checkPlanSubmission(deps, {
      ...who("U0SEC0"),
      typed: [row(10, "Review <b>", "q4")],
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked));
    expect(checked.items.map((i) => i.title)).toEqual([
      "Annual meeting",
      "Party lecture",
      "Review <b>",
    ]);
    // A member cannot submit; the secretary can.
    const submit = (userId: string, items = checked.items) =>
      submitPlan(deps, { planId: plan.id, userId, items, source: "test" });
    expect(await submit("U0M1")).toEqual({ ok: false, error: "not-secretary" });
    expect(await submit("U0SEC0")).toMatchObject({ ok: true, revision: 1, state: "SUBMITTED" });
    expect(await submit("U0SEC0")).toEqual({ ok: false, error: "already-submitted" });
    expect(await db.prisma.annualPlanDraft.count()).toBe(0);
    const committee = await payloadsOf(db, `annual-plan:${plan.id}:committee:r1`);
    expect(committee[0]?.payload.text).toContain(
      "submitted its 2027 plan: Party building work arrangement (revision 1, 3 items)",
    );
    expect(JSON.stringify(committee[0]?.payload.blocks)).toContain("Review &lt;b&gt;");

    // Four eyes and refusals as for the monthly list.
    const decide = (userId: string, decision: "approve" | "return", revision = 1, comment = "") =>
      decidePlan(deps, {
        planId: plan.id,
        revision,
        userId,
        source: "test",
        ...(decision === "approve" ? { decision } : { decision, comment }),
      });
    expect(await decide("U0SEC0", "approve")).toEqual({ ok: false, error: "own-branch" });
    expect(await decide("U0M1", "approve")).toEqual({ ok: false, error: "not-committee" });
    expect(await prepareReturn(deps, { planId: plan.id, revision: 1, userId: "U0M1" })).toEqual({
      ok: false,
      error: "not-committee",
    });
    expect(await decide("U0CHAIR", "return", 1, "  ")).toEqual({
      ok: false,
      error: "comment-required",
    });
    expect(await decide("U0CHAIR", "return", 1, "Add the theme days")).toMatchObject({
      ok: true,
      state: "RETURNED",
    });
    expect(await decide("U0DEP", "approve")).toEqual({ ok: false, error: "already-decided" });
    const returned = await payloadsOf(db, `annual-plan:${plan.id}:returned:r1`);
    expect(returned[0]?.payload.text).toContain(
      "returned the 2027 plan Party building work arrangement: Add the theme days",
    );
    expect(
      (await payloadsOf(db, `annual-plan:${plan.id}:dm:r1:U0SEC0`))[0]?.payload.text,
    ).toContain("was returned: Add the theme days");

    // Revise: the returned revision pre-fills the modal; the committee sees what changed.
    const revise = await openPlanForm(deps, who("U0SEC0"));
    expect(revise).toMatchObject({ ok: true, form: { kind: "resubmit", from: "returned" } });
    if (!revise.ok) throw new Error("not opened");
    expect(revise.form.rows.map((r) => r.title)).toEqual([
      "Annual meeting",
      "Party lecture",
      "Review <b>",
    ]);
    const revised = await checkPlanSubmission(deps, {
      ...who("U0SEC0"),
      typed: [row(1, "Party lecture", "q3"), row(3, "Theme day", "m7")],
    });
    if (!revised.ok) throw new Error(JSON.stringify(revised));
    expect(await submit("U0SEC0", revised.items)).toMatchObject({ ok: true, revision: 2 });
    const r2 = JSON.stringify(
      (await payloadsOf(db, `annual-plan:${plan.id}:committee:r2`))[0]?.payload.blocks,
    );
    expect(r2).toContain("Changes since revision 1");
    expect(r2).toContain("added: 4. Theme day");
    expect(r2).toContain("changed: Party lecture (target)");
    expect(r2).toContain("2 items unchanged.");

    // Withdraw, then submit again; a stale button (revision 2) no longer decides.
    expect(await withdrawPlan(deps, { planId: plan.id, userId: "U0CHAIR", source: "t" })).toEqual({
      ok: false,
      error: "not-secretary",
    });
    expect(
      await withdrawPlan(deps, { planId: plan.id, userId: "U0SEC0", source: "t" }),
    ).toMatchObject({
      ok: true,
      state: "DRAFT",
    });
    expect(await submit("U0SEC0", revised.items)).toMatchObject({ ok: true, revision: 3 });
    expect(await decide("U0DEP", "approve", 2)).toEqual({ ok: false, error: "stale-revision" });
    // Many approvals at once: exactly one wins.
    const clicks = await Promise.all([
      decide("U0DEP", "approve", 3),
      decide("U0CHAIR", "approve", 3),
    ]);
    expect(clicks.filter((c) => c.ok)).toHaveLength(1);
    expect(clicks.filter((c) => !c.ok)).toEqual([{ ok: false, error: "already-decided" }]);
    expect((await payloadsOf(db, `annual-plan:${plan.id}:approved:r3`))[0]?.payload.text).toContain(
      "The 2027 plan Party building work arrangement is approved (4 items).",
    );

    // Amendment during the year: the plan in force stays until the committee approves.
    await db.prisma.annualPlanItem.updateMany({
      where: { revision: { planId: plan.id, number: 3 }, title: "Annual meeting" },
      data: { status: "DONE", doneAt: NOW, doneBy: "U0M1" },
    });
    const amend = await openPlanForm(deps, who("U0SEC0"));
    expect(amend).toMatchObject({ ok: true, form: { kind: "amend", from: "in-force" } });
    const amended = await checkPlanSubmission(deps, {
      ...who("U0SEC0"),
      typed: [row(4, "Extra", "q4")],
    });
    if (!amended.ok) throw new Error(JSON.stringify(amended));
    expect(await submit("U0SEC0", amended.items)).toMatchObject({
      ok: true,
      revision: 4,
      state: "APPROVED",
    });
    expect(await submit("U0SEC0", amended.items)).toEqual({
      ok: false,
      error: "amendment-pending",
    });
    expect(await decide("U0CHAIR", "approve", 4)).toMatchObject({ ok: true, state: "APPROVED" });
    const stored = await db.prisma.annualPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored).toMatchObject({ state: "APPROVED", approvedRevision: 4, currentRevision: 4 });
    const items = await db.prisma.annualPlanItem.findMany({
      where: { revision: { planId: plan.id, number: 4 } },
      orderBy: { position: "asc" },
    });
    expect(items.map((i) => [i.title, i.target, i.status])).toEqual([
      ["Annual meeting", "m3", "DONE"],
      ["Party lecture", "q3", "OPEN"],
      ["Review <b>", "q4", "OPEN"],
      ["Theme day", "m7", "OPEN"],
      ["Extra", "q4", "OPEN"],
    ]);
    const audit = await db.prisma.auditLog.findMany({
      where: { entity: "AnnualPlan", entityId: String(plan.id) },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "annual-plan.submit",
        "annual-plan.return",
        "annual-plan.resubmit",
        "annual-plan.withdraw",
        "annual-plan.approve",
        "annual-plan.amend",
      ]),
    );
  });
});
