import { describe, expect, it } from "vitest";
import { parseOrgFile } from "../../../src/config/org-file.ts";
import { writeOrg } from "../../../src/db/repositories/org.ts";
import { translator } from "../../../src/i18n/index.ts";
import { openRounds } from "../../../src/services/inspections/open-round.ts";
import { swapAssignment } from "../../../src/services/inspections/swap.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { inspectionsPresenter } from "../../../src/slack/views/inspections/present.ts";
import { STORES, useTestDatabase, writeOrgText } from "../../helpers/database.ts";

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

describe.each(STORES)("an admin changes an assignment (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: file });
  it("the rules are checked again: a broken one is refused and changes nothing", async () => {
    const db = testDb();
    const record = await currentOrgRecord(db);
    if (!record) throw new Error("no org");
    await openRounds(db, record, "2027-03", inspectionsPresenter(translator("en")));
    const deps = { db, now: () => new Date("2027-03-02T03:00:00Z") };
    const swap = (userId: string, branchKey: string, inspector: string) =>
      swapAssignment(deps, inspectionsPresenter, {
        userId,
        roundKey: "supervision:2027-03",
        branchKey,
        inspector,
      });
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
    // The inspector removed and the one added each get a DM; the announcement is updated.
    const sent = await db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: "inspections:supervision:2027-03:" } },
      orderBy: { id: "asc" },
    });
    const swapDms = sent.filter((d) => d.dedupeKey.includes(":swap:"));
    const textOf = (d: { payload: unknown } | undefined) => (d?.payload as { text?: string })?.text;
    expect(swapDms.map((d) => [d.method, (d.payload as { user: string }).user])).toEqual([
      ["dm", b1.inspectorUserId],
      ["dm", other],
    ]);
    expect(textOf(swapDms[0])).toContain("You no longer inspect *B1*");
    expect(textOf(swapDms[1])).toContain("You inspect *B1*");
    expect(JSON.stringify(swapDms[1]?.payload)).toContain(String(b1.id));
    const update = sent.filter((d) => d.method === "chat.update");
    expect(update).toHaveLength(1);
    expect(update[0]?.afterKey).toBe("inspections:supervision:2027-03:announce");
    expect(textOf(update[0])).toContain(`<@${other}> → B1`);
    expect(textOf(update[0])).not.toContain(`<@${b1.inspectorUserId}> → B1`);
    const late = await swapAssignment(
      { db, now: () => new Date("2027-03-20T03:00:00Z") },
      inspectionsPresenter,
      { userId: "U0CHAIR", roundKey: "supervision:2027-03", branchKey: "b1", inspector: "U0CHAIR" },
    );
    expect(late).toEqual({ ok: false, error: "round-closed" });
  });
});

describe.each(STORES)("a committee too small to avoid conflicts (%s)", (kind) => {
  const testDb = useTestDatabase(kind);
  it("the round opens, the conflict is named, an admin assigns it once a member may go", async () => {
    const db = testDb();
    const small = file
      .replace(
        "members: [U0CHAIR, U0DEP], admins: [U0CHAIR]",
        "members: [U0DEP], admins: [U0CHAIR]",
      )
      .replace("secretaries: [U0SEC1] }", "secretaries: [U0SEC1], members: [U0DEP] }");
    await writeOrgText(db, small);
    const record = await currentOrgRecord(db);
    if (!record) throw new Error("no org");
    const presenter = inspectionsPresenter(translator("en"));
    expect(await openRounds(db, record, "2027-03", presenter)).toEqual([
      { key: "supervision:2027-03", status: "opened", assignments: 0, conflicts: 2 },
    ]);
    const announce = await db.prisma.delivery.findFirstOrThrow({
      where: { dedupeKey: "inspections:supervision:2027-03:announce" },
    });
    const text = (announce.payload as { text: string }).text;
    expect(text).toContain("• B0: not assigned: every committee member is a secretary or member");
    expect(text).toContain("• B1: not assigned");
    // The admin may not send the only member; once the committee has another, it is assigned.
    const deps = { db, now: () => new Date("2027-03-02T03:00:00Z") };
    const swap = (branchKey: string, inspector: string) =>
      swapAssignment(deps, inspectionsPresenter, {
        userId: "U0CHAIR",
        roundKey: "supervision:2027-03",
        branchKey,
        inspector,
      });
    expect(await swap("b0", "U0DEP")).toEqual({ ok: false, error: "swap-involved" });
    expect(await db.prisma.inspectionAssignment.count()).toBe(0);
    const grown = parseOrgFile(small.replace("members: [U0DEP]", "members: [U0DEP, U0NEW]"), "o");
    if (!grown.ok) throw new Error(JSON.stringify(grown.errors));
    await writeOrg(db, grown.org, { actor: "t", source: "test" });
    expect(await swap("b0", "U0NEW")).toEqual({ ok: true });
    const update = await db.prisma.delivery.findFirstOrThrow({
      where: { method: "chat.update", dedupeKey: { startsWith: "inspections:supervision" } },
    });
    const updated = (update.payload as { text: string }).text;
    expect(updated).toContain("<@U0NEW> → B0");
    expect(updated).not.toContain("• B0: not assigned");
    expect(updated).toContain("• B1: not assigned");
    const dm = await db.prisma.delivery.findFirstOrThrow({
      where: { method: "dm", dedupeKey: { contains: ":swap:" } },
    });
    expect(dm.payload).toMatchObject({ user: "U0NEW" });
  });
});
