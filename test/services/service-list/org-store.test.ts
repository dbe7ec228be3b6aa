import { afterEach, describe, expect, it } from "vitest";
import { parseOrgFile } from "../../../src/config/org-file.ts";
import type { Org } from "../../../src/config/org-schema.ts";
import type { Database } from "../../../src/db/client.ts";
import { loadOrg, writeOrg } from "../../../src/db/repositories/org.ts";
import { createTestDatabase } from "../../helpers/database.ts";

const text = (due: string) => `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR] }
branches:
  - { key: vets, name: Veterans, channel: C0VETS, secretaries: [U0SEC], community: Elm Court }
  - { key: office, name: Office, channel: C0OFFICE, secretaries: [U0SEC2] }
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
services:
  - { branch: vets, category: defence-education, what: talks, frequency: quarterly, lead: U0SEC }
practicalProjects:
  - key: compound
    title: Renovate the compound
    serves: veterans
    branch: vets
    lead: U0SEC
    goal: new roofs
    beneficiaries: 80
    milestones: [{ title: survey, due: "2026-03-01" }, { title: works, due: "${due}" }]
`;
const org = (due: string): Org => {
  const r = parseOrgFile(text(due), "org.yml");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.org;
};

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe("the service list as stored", () => {
  it("reads back as the file said; the file's projects become rows, updated while not done", async () => {
    db = await createTestDatabase();
    const changes = await writeOrg(db, org("2026-09-30"), { actor: "t", source: "test" });
    expect(changes).toContain("practical project compound: added");
    expect(await loadOrg(db)).toStrictEqual(org("2026-09-30"));
    const row = await db.prisma.practicalProject.findUniqueOrThrow({
      where: { key: "compound" },
      include: { milestones: { orderBy: { position: "asc" } } },
    });
    expect(row).toMatchObject({ year: 2026, leadUserId: "U0SEC", status: "ACTIVE" });
    expect(row.milestones.map((m) => [m.title, m.due])).toEqual([
      ["survey", "2026-03-01"],
      ["works", "2026-09-30"],
    ]);
    expect(await writeOrg(db, org("2026-09-30"), { actor: "t", source: "test" })).toEqual([]);
    const again = await writeOrg(db, org("2026-10-31"), { actor: "t", source: "test" });
    expect(again).toContain("practical project compound: updated");
    const due = await db.prisma.projectMilestone.findFirstOrThrow({ where: { position: 1 } });
    expect(due.due).toBe("2026-10-31");
  });
});
