import { afterEach, describe, expect, it } from "vitest";
import { parseOrgFile } from "../../../src/config/org-file.ts";
import type { Database } from "../../../src/db/client.ts";
import { writeOrg } from "../../../src/db/repositories/org.ts";
import { translator } from "../../../src/i18n/index.ts";
import { openRounds } from "../../../src/services/inspections/open-round.ts";
import { swapAssignment } from "../../../src/services/inspections/swap.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { inspectionsPresenter } from "../../../src/slack/views/inspections/present.ts";
import { createTestDatabase, STORES } from "../../helpers/database.ts";

const file = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEP], admins: [U0CHAIR] }
branches:
  - { key: b0, name: B0, channel: C0B0, secretaries: [U0SEC0], members: [U0DEP] }
  - { key: b1, name: B1, channel: C0B1, secretaries: [U0SEC1] }
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
inspections:
  mutual: { months: [6] }
  supervision: { months: [3] }
`;

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe.each(STORES)("an admin changes an assignment (%s)", (kind) => {
  it("the rules are checked again: a broken one is refused and changes nothing", async () => {
    db = await createTestDatabase(kind);
    const parsed = parseOrgFile(file, "org.yml");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await writeOrg(db, parsed.org, { actor: "t", source: "test" });
    const record = await currentOrgRecord(db);
    if (!record) throw new Error("no org");
    await openRounds(db, record, "2027-03", inspectionsPresenter(translator("en")));
    const deps = { db, now: () => new Date("2027-03-02T03:00:00Z") };
    const swap = (userId: string, branchKey: string, inspector: string) =>
      swapAssignment(deps, { userId, roundKey: "supervision:2027-03", branchKey, inspector });
    const before = await db.prisma.inspectionAssignment.findMany({ orderBy: { id: "asc" } });
    expect(await swap("U0DEP", "b1", "U0CHAIR")).toEqual({ ok: false, error: "not-admin" });
    expect(await swap("U0CHAIR", "b0", "U0DEP")).toEqual({ ok: false, error: "swap-involved" });
    expect(await swap("U0CHAIR", "b1", "U0SEC0")).toEqual({
      ok: false,
      error: "swap-not-committee",
    });
    expect(await swap("U0CHAIR", "zz", "U0CHAIR")).toEqual({
      ok: false,
      error: "swap-not-in-round",
    });
    expect(await db.prisma.inspectionAssignment.findMany({ orderBy: { id: "asc" } })).toEqual(
      before,
    );
    const b1 = await db.prisma.inspectionAssignment.findFirstOrThrow({
      where: { branch: { key: "b1" } },
    });
    const other = b1.inspectorUserId === "U0CHAIR" ? "U0DEP" : "U0CHAIR";
    expect(await swap("U0CHAIR", "b1", other)).toEqual({ ok: true });
    expect(
      (await db.prisma.inspectionAssignment.findUniqueOrThrow({ where: { id: b1.id } }))
        .inspectorUserId,
    ).toBe(other);
    const late = await swapAssignment(
      { db, now: () => new Date("2027-03-20T03:00:00Z") },
      { userId: "U0CHAIR", roundKey: "supervision:2027-03", branchKey: "b1", inspector: "U0CHAIR" },
    );
    expect(late).toEqual({ ok: false, error: "round-closed" });
  });
});
