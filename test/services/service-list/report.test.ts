import { describe, expect, it } from "vitest";
import { loadOrgRecord } from "../../../src/db/repositories/org.ts";
import {
  registerCommunity,
  type ServiceDeps,
  submitServiceReport,
} from "../../../src/services/service-list/register.ts";
import { serviceListPresenter } from "../../../src/slack/views/service-list/present.ts";
import { useTestDatabase } from "../../helpers/database.ts";

const text = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR] }
branches:
  - { key: vets, name: Veterans, channel: C0VETS, secretaries: [U0SEC], members: [U0MEM], community: Elm Court }
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
`;

describe("registration and service reports", () => {
  const testDb = useTestDatabase("pglite", { orgText: text });
  it("a member registers, reports, gets a DM; bad input stores nothing; outsiders are refused", async () => {
    const db = testDb();
    const org = await loadOrgRecord(db);
    if (!org) throw new Error("no org");
    const deps: ServiceDeps = { db, now: () => new Date("2026-11-10T04:00:00Z"), org };

    expect(await registerCommunity(deps, "U0OUT", "Oak Lane")).toEqual({
      ok: false,
      error: "not-member",
    });
    expect(await registerCommunity(deps, "U0MEM", "  Oak   Lane ")).toEqual({
      ok: true,
      community: "Oak Lane",
    });

    const draft = {
      date: "2026-11-09",
      community: "Oak Lane",
      category: "policy-consultation",
      hours: "1.5",
      what: "pension <questions>",
    };
    const done = await submitServiceReport(deps, serviceListPresenter, "U0MEM", draft);
    expect(done).toMatchObject({ ok: true, quarter: "2026-Q4" });
    const bad = await submitServiceReport(deps, serviceListPresenter, "U0MEM", {
      ...draft,
      community: "Nowhere",
      hours: "23",
    });
    expect(bad).toEqual({
      ok: false,
      error: "invalid",
      problems: [
        { field: "community", error: "unknown-community" },
        { field: "hours", error: "over-day" },
      ],
    });
    expect(await db.prisma.serviceReport.count()).toBe(1);
    const row = await db.prisma.serviceReport.findFirstOrThrow();
    expect(row).toMatchObject({ branchKey: "vets", centiHours: 150, community: "Oak Lane" });
    const dm = await db.prisma.delivery.findFirstOrThrow({ where: { method: "dm" } });
    expect(dm.payload).toMatchObject({
      user: "U0MEM",
      text: "Thank you: your service on 2026-11-09 in Oak Lane (Policy consultation, 1.5 h) is recorded. pension &lt;questions&gt;",
    });
    expect(
      await submitServiceReport(deps, serviceListPresenter, "U0MEM", {
        ...draft,
        community: "Elm Court",
      }),
    ).toMatchObject({ ok: true });
  });
});
