import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { mutualViolations } from "../../../src/domain/inspection-assign.ts";
import { translator } from "../../../src/i18n/index.ts";
import { inspectionRoundJob } from "../../../src/jobs/inspections/round.ts";
import { openRounds } from "../../../src/services/inspections/open-round.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { inspectionsPresenter } from "../../../src/slack/views/inspections/present.ts";
import {
  createTestDatabase,
  STORES,
  type StoreKind,
  writeOrgText,
} from "../../helpers/database.ts";

const file = (branches: number) => `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEP] }
branches:
${Array.from(
  { length: branches },
  (_, i) =>
    `  - { key: b${i}, name: "Branch <${i}>", channel: C0B${i}, secretaries: [U0SEC${i}]${i === 0 ? ", members: [U0CHAIR]" : ""} }`,
).join("\n")}
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
inspections: { mutual: { months: [6, 12] }, supervision: { months: [3, 6, 9, 12] } }
`;

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function setUp(kind: StoreKind, branches: number) {
  db = await createTestDatabase(kind);
  await writeOrgText(db, file(branches));
  const record = await currentOrgRecord(db);
  if (!record) throw new Error("no org");
  return { db, record, presenter: inspectionsPresenter(translator("en")) };
}

describe.each(STORES)("opening the rounds (%s)", (kind) => {
  it("June opens both rounds once, assigned by the rules, announced and told to each team", async () => {
    const { db, record, presenter } = await setUp(kind, 4);
    const first = await openRounds(db, record, "2027-06", presenter);
    expect(first).toEqual([
      { key: "mutual:2027-06", status: "opened", assignments: 4, conflicts: 0 },
      { key: "supervision:2027-06", status: "opened", assignments: 4, conflicts: 0 },
    ]);
    // The same rounds opened again: nothing changes.
    expect((await openRounds(db, record, "2027-06", presenter)).map((r) => r.status)).toEqual([
      "already-open",
      "already-open",
    ]);
    const rounds = await db.prisma.inspectionRound.findMany({
      include: { assignments: { include: { branch: true } } },
      orderBy: { key: "asc" },
    });
    expect(rounds.map((r) => [r.key, r.opensOn, r.closesOn])).toEqual([
      ["mutual:2027-06", "2027-06-01", "2027-06-15"],
      ["supervision:2027-06", "2027-06-01", "2027-06-15"],
    ]);
    const ids = await db.prisma.branch.findMany();
    const keyOf = new Map(ids.map((b) => [b.id, b.key]));
    const mutual = rounds[0]?.assignments.map((a) => ({
      target: a.branch.key,
      inspector: keyOf.get(a.inspectorBranchId as number) as string,
    }));
    expect(mutual && mutualViolations(mutual)).toEqual([]);
    const supervision = rounds[1]?.assignments ?? [];
    // U0CHAIR is a member of b0: never sent there; two branches each.
    expect(supervision.find((a) => a.branch.key === "b0")?.inspectorUserId).toBe("U0DEP");
    expect(supervision.filter((a) => a.inspectorUserId === "U0CHAIR")).toHaveLength(2);
    const deliveries = await db.prisma.delivery.findMany({ orderBy: { id: "asc" } });
    const announce = deliveries.filter((d) => d.dedupeKey.endsWith(":announce"));
    expect(announce).toHaveLength(2);
    const text = (announce[0]?.payload as { text: string } | undefined)?.text;
    expect(text).toContain(
      "*mutual inspection June 2027*: the round is open from 2027-06-01 to 2027-06-15",
    );
    expect(text).toContain("Branch &lt;1&gt;");
    // 4 secretaries (mutual) and 4 supervision DMs to the two members.
    expect(deliveries.filter((d) => d.method === "dm")).toHaveLength(8);
  });

  it("one active branch: mutual inspection is skipped with the reason, supervision opens", async () => {
    const { db, record, presenter } = await setUp(kind, 1);
    expect(await openRounds(db, record, "2027-12", presenter)).toEqual([
      { key: "mutual:2027-12", status: "skipped", assignments: 0, conflicts: 0 },
      { key: "supervision:2027-12", status: "opened", assignments: 1, conflicts: 0 },
    ]);
    const texts = (await db.prisma.delivery.findMany()).map(
      (d) => (d.payload as { text: string }).text,
    );
    expect(texts).toContain(
      "*mutual inspection December 2027* is skipped: it needs at least two active branches.",
    );
  });
});

describe("the inspection-round job", () => {
  const org = {
    timezone: "Asia/Shanghai",
    locale: "en",
    firstAppliedAt: new Date("2026-01-01T00:00:00Z"),
    settings: {
      calendar: { holidays: [], workdays: [] },
      inspections: { mutual: { months: [6, 12] }, supervision: { months: [3, 6, 9, 12] } },
    },
  };
  it("fires on the first working day of a round month at 09:00, keyed by the month", () => {
    expect(
      inspectionRoundJob.occurrencesBetween(
        org,
        new Date("2027-01-01T00:00:00Z"),
        new Date("2027-07-01T00:00:00Z"),
      ),
    ).toEqual([
      { key: "2027-03", fireAt: new Date("2027-03-01T01:00:00Z") },
      { key: "2027-06", fireAt: new Date("2027-06-01T01:00:00Z") },
    ]);
    expect(inspectionRoundJob.occurrenceFor(org, new Date("2027-07-20T00:00:00Z"))).toEqual({
      key: "2027-06",
      fireAt: new Date("2027-06-01T01:00:00Z"),
    });
  });
  it("an org without the section has no occurrences", () => {
    expect(
      inspectionRoundJob.occurrenceFor({ ...org, settings: {} }, new Date("2027-07-20T00:00:00Z")),
    ).toBeNull();
  });
});
