import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadOrgRecord } from "../../../src/db/repositories/org.ts";
import { parseReportPeriod } from "../../../src/domain/report-period.ts";
import { translator } from "../../../src/i18n/index.ts";
import { plansReport } from "../../../src/services/annual-plans/report.ts";
import { markDuties } from "../../../src/services/responsibilities/duties.ts";
import { STORES, useTestDatabase } from "../../helpers/database.ts";

const ORG = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEPUTY], admins: [U0CHAIR] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
responsibilities:
  year: 2027
  committee:
    - { duty: "=Plan the year's work", target: q1, result: One meeting }
  members:
    U0DEPUTY:
      - { duty: Check the offices in charge, target: m2, result: Two checks }
      - { duty: Attend the organisational life meeting, target: m12 }
`;

describe.each(STORES)("the responsibility lists in the plans ledger (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: ORG, actor: "org-file" });
  it("every item is a row with its list, standing and history; the CSV cells are formula-safe", async () => {
    const db = testDb();
    const now = new Date("2027-04-02T02:00:00Z");
    const id = async (duty: string) =>
      (await db.prisma.responsibilityItem.findFirstOrThrow({ where: { duty } })).id;
    expect(
      await markDuties({ db, now: () => now }, "U0DEPUTY", [
        { id: await id("=Plan the year's work"), done: true, note: null, movedTo: null },
        {
          id: await id("Check the offices in charge"),
          done: false,
          note: "The office moved",
          movedTo: "m6",
        },
      ]),
    ).toMatchObject({ ok: true, changed: 2 });
    const org = await loadOrgRecord(db);
    if (!org) throw new Error("no org");
    const period = parseReportPeriod("year", "2027");
    if (!period) throw new Error("no period");
    const built = await plansReport.build(db, org, period, now, translator("en"));
    expect(built.empty).toBe(false);
    const rows: string[][] = parse(built.files.csv.bytes.toString("utf8"), { bom: true });
    expect(rows).toHaveLength(1 + 3);
    expect(rows.slice(1).map((r) => [r[1], r[3], r[6], r[7], r[8], r[9], r[10], r[11]])).toEqual([
      [
        "the committee",
        "Responsibility list",
        "1",
        "'=Plan the year's work",
        "Q1",
        "the committee",
        "One meeting",
        "done",
      ],
      [
        "U0DEPUTY",
        "Responsibility list",
        "1",
        "Check the offices in charge",
        "month 6",
        "U0DEPUTY",
        "Two checks",
        "in progress",
      ],
      [
        "U0DEPUTY",
        "Responsibility list",
        "2",
        "Attend the organisational life meeting",
        "month 12",
        "U0DEPUTY",
        "",
        "in progress",
      ],
    ]);
    expect(rows[1]?.[12]).toBe("2027-04-02 10:00");
    // "added" is stamped when the file was applied; the mark carries the business clock.
    expect(rows[2]?.[13]).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} added \(org-file\); 2027-04-02 10:00 moved: month 2 → month 6: The office moved \(U0DEPUTY\)$/,
    );
  });
});
