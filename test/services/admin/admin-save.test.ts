import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { loadOrg } from "../../../src/db/repositories/org.ts";
import type { AdminChange, SchedulesForm } from "../../../src/services/admin/forms.ts";
import { saveAdminChange } from "../../../src/services/admin/save-change.ts";
import { offlineResolver } from "../../../src/services/org/resolver.ts";
import { createTestDatabase, STORES } from "../../helpers/database.ts";
import { applyExampleOrg } from "../reports/reports-seed.ts";

const schedules: SchedulesForm = {
  reminderDay: "2",
  reminderTime: "08:30",
  deadlineDay: "6",
  deadlineTime: "17:00",
  followUps: "4 09:00",
  workingDays: "as-is",
  approvalReminderHours: "24",
};

describe.each(STORES)("admin changes on %s", (store) => {
  let db: Database;
  const save = (user: string, change: AdminChange) =>
    saveAdminChange({ db, resolver: offlineResolver }, user, change, "test");
  beforeAll(async () => {
    db = await createTestDatabase(store);
  });
  afterAll(async () => {
    await db.close();
  });
  // Each test starts from the example org: applying the file undoes the previous test's change.
  beforeEach(async () => {
    await applyExampleOrg(db);
  });

  it("when an admin changes the schedules, then the org in force has them", async () => {
    const outcome = await save("U0CHAIR", { form: "schedules", values: schedules });
    expect(outcome).toEqual({ status: "saved", changes: ["organization settings: updated"] });
    expect((await loadOrg(db))?.schedules).toEqual({
      monthlyReminder: { day: 2, time: "08:30" },
      followUps: [{ day: 4, time: "09:00" }],
      deadline: { day: 6, time: "17:00" },
      workingDays: "as-is",
      approvalReminderHours: 24,
      catchUpWindowHours: 24,
      // what the schedules form does not show stays as the example org has it
      annualPlan: {
        month: 1,
        day: 5,
        time: "09:00",
        deadline: { month: 1, day: 31, time: "18:00" },
        trackingTime: "09:00",
      },
      quarterTracking: { time: "09:00" },
    });
  });

  it("when an admin changes the lecture hall, then too few speakers is an error on the roster", async () => {
    const values = {
      channel: "C0LECTURE",
      roster: ["U0A", "U0B"],
      weekday: "thursday",
      time: "15:00",
      noticeDaysBefore: "3",
      speakersPerSession: "3",
    };
    expect(await save("U0CHAIR", { form: "lecture", values })).toMatchObject({
      status: "invalid",
      errors: [{ field: "roster", key: "admin.error.schema" }],
    });
    expect(
      await save("U0CHAIR", { form: "lecture", values: { ...values, speakersPerSession: "2" } }),
    ).toMatchObject({
      status: "saved",
    });
    expect((await loadOrg(db))?.lectureHall).toMatchObject({
      weekday: "thursday",
      time: "15:00",
      roster: ["U0A", "U0B"],
      noticeDaysBefore: 3,
      place: "三楼会议室",
    });
  });

  it("when an admin sets a branch's community and services, then the org has them; a bad line changes nothing", async () => {
    const org = await loadOrg(db);
    const branch = org!.branches.find((b) => b.key === "rights")!;
    const values = {
      editing: "rights",
      key: "",
      name: branch.name,
      channel: branch.channel,
      secretaries: branch.secretaries,
      members: branch.members,
      community: "  Jinfeng Road Community ",
      services:
        "policy-consultation | monthly | Pension questions answered\n\ndefence-education | quarterly | Talks at the school | <@U0A>",
      deactivate: false,
    };
    const broken = { ...values, services: "policy-consultation monthly Pension questions" };
    expect(await save("U0CHAIR", { form: "branch", values: broken })).toEqual({
      status: "invalid",
      errors: [{ field: "services", key: "admin.error.badServices" }],
    });
    const unknown = { ...values, services: "gardening | monthly | Flowers" };
    expect(await save("U0CHAIR", { form: "branch", values: unknown })).toMatchObject({
      status: "invalid",
      errors: [{ field: "services", key: "admin.error.schema" }],
    });
    expect(await save("U0A", { form: "branch", values })).toEqual({ status: "refused" });
    expect((await loadOrg(db))?.services).toBeUndefined();

    expect(await save("U0CHAIR", { form: "branch", values })).toMatchObject({ status: "saved" });
    const saved = await loadOrg(db);
    expect(saved?.branches.find((b) => b.key === "rights")?.community).toBe(
      "Jinfeng Road Community",
    );
    expect(saved?.services).toEqual([
      {
        branch: "rights",
        category: "policy-consultation",
        frequency: "monthly",
        what: "Pension questions answered",
        lead: branch.secretaries[0],
      },
      {
        branch: "rights",
        category: "defence-education",
        frequency: "quarterly",
        what: "Talks at the school",
        lead: "U0A",
      },
    ]);
    // emptied, the community and the branch's services are gone again
    await save("U0CHAIR", { form: "branch", values: { ...values, community: "", services: "" } });
    const cleared = await loadOrg(db);
    expect(cleared?.branches.find((b) => b.key === "rights")?.community).toBeUndefined();
    expect(cleared?.services ?? []).toEqual([]);
  });

  it("when an admin deactivates a branch, then it leaves the org and keeps its row", async () => {
    const values = {
      editing: "rights",
      key: "",
      name: "权益维护处党支部",
      channel: "C0RIGHTS",
      secretaries: ["U0SEC3"],
      members: [],
      community: "",
      services: "",
      deactivate: true,
    };
    expect(await save("U0CHAIR", { form: "branch", values })).toEqual({
      status: "saved",
      changes: ["branch rights: deactivated"],
    });
    expect((await loadOrg(db))?.branches.map((b) => b.key)).not.toContain("rights");
    expect(await db.prisma.branch.findUnique({ where: { key: "rights" } })).toMatchObject({
      active: false,
    });
  });

  it("when the committee would keep no admin, then the admins field says why", async () => {
    const values = { channel: "C0COMMITTEE", members: ["U0CHAIR"], admins: [] };
    expect(await save("U0CHAIR", { form: "committee", values })).toEqual({
      status: "invalid",
      errors: [{ field: "admins", key: "admin.error.noAdmins" }],
    });
  });

  it("when a committee member who is not an admin saves, then it is refused and nothing changes", async () => {
    const before = await loadOrg(db);
    const audit = await db.prisma.auditLog.count();
    expect(await save("U0DEPUTY", { form: "schedules", values: schedules })).toEqual({
      status: "refused",
    });
    expect(await loadOrg(db)).toEqual(before);
    expect(await db.prisma.auditLog.count()).toBe(audit);
  });
});
