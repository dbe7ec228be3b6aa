import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { translator } from "../../../src/i18n/index.ts";
import { openChecklist, submitChecklist } from "../../../src/services/inspections/checklist.ts";
import { openRounds } from "../../../src/services/inspections/open-round.ts";
import { inspectionRecord } from "../../../src/services/inspections/record.ts";
import { reportDone, verify } from "../../../src/services/inspections/rectify.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { inspectionsPresenter } from "../../../src/slack/views/inspections/present.ts";
import { createTestDatabase, STORES, writeOrgText } from "../../helpers/database.ts";

const file = (branches: string) => `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEP] }
branches:
${branches}
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
inspections:
  mutual: { months: [6] }
  supervision: { months: [3] }
`;
const B0 = "  - { key: b0, name: B0, channel: C0B0, secretaries: [U0SEC0] }";
const B1 = "  - { key: b1, name: B1, channel: C0B1, secretaries: [U0SEC1] }";
const B2 = "  - { key: b2, name: B2, channel: C0B2, secretaries: [U0SEC2] }";

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function apply(d: Database, text: string) {
  await writeOrgText(d, text);
}

describe.each(STORES)("a branch deactivated mid-round (%s)", (kind) => {
  it("its checklist is no longer due, what was sent and its items stay", async () => {
    db = await createTestDatabase(kind);
    const d = db;
    await apply(d, file([B0, B1, B2].join("\n")));
    const record = await currentOrgRecord(d);
    if (!record) throw new Error("no org");
    await openRounds(d, record, "2027-03", inspectionsPresenter(translator("en")));
    const of = (key: string) =>
      d.prisma.inspectionAssignment.findFirstOrThrow({ where: { branch: { key } } });
    const [a0, a1] = [await of("b0"), await of("b1")];
    const deps = { db: d, now: () => new Date("2027-03-02T03:00:00Z") };
    const present = inspectionsPresenter;
    const send = (a: typeof a0, problem: string) =>
      submitChecklist(deps, present, {
        assignmentId: a.id,
        userId: a.inspectorUserId as string,
        checklist: {
          scores: { meetings: "20", "theme-day": "15", dues: "15", study: "20" },
          findings: [{ problem, severity: "general" }],
        },
      });
    expect(await send(a1, "minutes missing")).toEqual({ ok: true, items: 1, total: 70 });
    // b0 and b1 leave the org file: both are deactivated during the round.
    await apply(d, file(B2));
    expect(
      await openChecklist(deps, { assignmentId: a0.id, userId: a0.inspectorUserId as string }),
    ).toEqual({ ok: false, error: "branch-inactive" });
    expect(await send(a0, "late")).toEqual({ ok: false, error: "branch-inactive" });
    expect(await d.prisma.rectification.count({ where: { branchId: a0.branchId } })).toBe(0);
    // Nothing lost: b1's result stays in the round, its item is still done and verified.
    const item = await d.prisma.rectification.findFirstOrThrow({ where: { assignmentId: a1.id } });
    expect(
      await reportDone(deps, present, {
        id: item.id,
        userId: "U0SEC1",
        doneText: "written up",
        evidence: "minutes.pdf",
      }),
    ).toEqual({ ok: true });
    const verifier = a1.inspectorUserId as string;
    expect(await verify(deps, present, { id: item.id, userId: verifier, accept: true })).toEqual({
      ok: true,
      state: "VERIFIED",
    });
    const round = (await inspectionRecord(d, "2027-03", "2027-03", "2027-03-20")).rounds[0];
    expect(round?.results.find((r) => r.branchKey === "b1")).toMatchObject({
      total: 70,
      rank: 1,
      items: 1,
      closed: 1,
    });
  });
});
