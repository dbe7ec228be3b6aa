import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { loadOrg } from "../../../src/db/repositories/org.ts";
import { fieldFor } from "../../../src/services/admin/fields.ts";
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

  /** A service row as the modal's inputs give it (empty: nothing picked). */
  const row = (what: string, category = "", frequency = "", lead = "") => ({
    what,
    category,
    frequency,
    lead,
  });

  async function rightsForm() {
    const branch = (await loadOrg(db))!.branches.find((b) => b.key === "rights")!;
    return {
      editing: "rights",
      key: "",
      name: branch.name,
      channel: branch.channel,
      secretaries: branch.secretaries,
      members: branch.members,
      community: "  Jinfeng Road Community ",
      services: [
        row("Pension questions answered", "policy-consultation", "monthly"),
        // an empty row (the modal's spare ones) states no service, whatever its selects say
        row("  ", "volunteering", "weekly", "U0E"),
        row(" Talks at the school ", "defence-education", "quarterly", "U0E"),
      ],
      servicesShown: 0,
      deactivate: false,
    };
  }

  it("when an admin sets a branch's community and picks its services, then the org has them", async () => {
    const values = await rightsForm();
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
        lead: "U0SEC3", // nobody picked: the branch's first secretary
      },
      {
        branch: "rights",
        category: "defence-education",
        frequency: "quarterly",
        what: "Talks at the school",
        lead: "U0E",
      },
    ]);
    // reopened, the modal shows both: a description cleared removes its service; emptied, the
    // community is gone too
    const [first, , second] = values.services;
    const fewer = {
      ...values,
      community: "",
      services: [first!, { ...second!, what: "" }],
      servicesShown: 2,
    };
    await save("U0CHAIR", { form: "branch", values: fewer });
    const after = await loadOrg(db);
    expect(after?.branches.find((b) => b.key === "rights")?.community).toBeUndefined();
    expect(after?.services?.map((s) => s.what)).toEqual(["Pension questions answered"]);
    await save("U0CHAIR", {
      form: "branch",
      values: { ...values, services: [], servicesShown: 1 },
    });
    expect((await loadOrg(db))?.services ?? []).toEqual([]);
  });

  it("when a picked row has no frequency or no category, then each is refused on its own field and nothing changes", async () => {
    const values = await rightsForm();
    const audits = await db.prisma.auditLog.count();
    const missing = {
      ...values,
      services: [
        row("Pension questions answered", "policy-consultation", ""),
        row("Flowers", "", "weekly"),
        row("Talks", "gardening", "monthly"),
      ],
    };
    expect(await save("U0CHAIR", { form: "branch", values: missing })).toEqual({
      status: "invalid",
      errors: [
        { field: "service0_frequency", key: "admin.error.serviceFrequency" },
        { field: "service1_category", key: "admin.error.serviceCategory" },
        { field: "service2_category", key: "admin.error.serviceCategory" },
      ],
    });
    expect((await loadOrg(db))?.services).toBeUndefined();
    expect(
      (await loadOrg(db))?.branches.find((b) => b.key === "rights")?.community,
    ).toBeUndefined();
    expect(await db.prisma.auditLog.count()).toBe(audits);
  });

  it("when a picked lead is not in the organisation as the change leaves it, then the lead's field says so and nothing changes", async () => {
    const values = await rightsForm();
    const audits = await db.prisma.auditLog.count();
    const stranger = {
      ...values,
      services: [
        row("Talks", "defence-education", "quarterly"),
        row("Help", "other", "once", "U0STRANGER"),
      ],
    };
    expect(await save("U0CHAIR", { form: "branch", values: stranger })).toEqual({
      status: "invalid",
      errors: [{ field: "service1_lead", key: "admin.error.serviceLead" }],
    });
    // U0E leaves the branch in the same change: no longer someone of the organisation
    const leaving = { ...values, members: values.members.filter((u) => u !== "U0E") };
    expect(await save("U0CHAIR", { form: "branch", values: leaving })).toEqual({
      status: "invalid",
      errors: [{ field: "service2_lead", key: "admin.error.serviceLead" }],
    });
    expect((await loadOrg(db))?.services).toBeUndefined();
    expect((await loadOrg(db))?.branches.find((b) => b.key === "rights")?.members).toContain("U0E");
    expect(await db.prisma.auditLog.count()).toBe(audits);
    // a committee member of no branch may lead
    const committee = { ...stranger, services: [row("Help", "other", "once", "U0COMM3")] };
    expect(await save("U0CHAIR", { form: "branch", values: committee })).toMatchObject({
      status: "saved",
    });
    expect((await loadOrg(db))?.services?.map((s) => s.lead)).toEqual(["U0COMM3"]);
  });

  it("when the modal showed only the branch's first services, then the others stay as they were", async () => {
    const values = await rightsForm();
    await save("U0CHAIR", { form: "branch", values });
    const edited = {
      ...values,
      services: [row("Pension questions, by phone", "policy-consultation", "weekly")],
      servicesShown: 1,
    };
    expect(await save("U0CHAIR", { form: "branch", values: edited })).toMatchObject({
      status: "saved",
    });
    expect((await loadOrg(db))?.services?.map((s) => [s.what, s.frequency])).toEqual([
      ["Pension questions, by phone", "weekly"],
      ["Talks at the school", "quarterly"],
    ]);
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
      services: [],
      servicesShown: 0,
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

describe("a schema problem of a service", () => {
  it("is put on the part of the modal's row it came from", () => {
    // services[1] came from row 3; services[0] and [2] from no row (another branch, not shown)
    const rows = [-1, 3, -1];
    expect(fieldFor("branch", ["services", 1, "lead"], 0, rows)).toBe("service3_lead");
    expect(fieldFor("branch", ["services", 1, "what"], 0, rows)).toBe("service3_what");
    expect(fieldFor("branch", ["services", 1, "branch"], 0, rows)).toBe("service3_what");
    expect(fieldFor("branch", ["services", 2, "lead"], 0, rows)).toBe("name");
  });
});
