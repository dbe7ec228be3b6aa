import { afterEach, describe, expect, it } from "vitest";
import { parseOrgFile } from "../../../src/config/org-file.ts";
import type { Database } from "../../../src/db/client.ts";
import { loadOrg, writeOrg } from "../../../src/db/repositories/org.ts";
import { loadDuties } from "../../../src/db/repositories/responsibility.ts";
import { createTestDatabase, STORES } from "../../helpers/database.ts";

const head = `organization: { name: T, timezone: Asia/Shanghai, locale: zh-CN }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEPUTY], admins: [U0CHAIR] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
`;
const section = `responsibilities:
  year: 2027
  committee:
    - { duty: 落实全面从严治党主体责任, target: q1, result: 召开专题会议1次 }
    - { duty: 开展党风廉政警示教育, target: "2027-06" }
  members:
    U0DEPUTY:
      - { duty: 带头讲廉政党课, target: q2, result: 讲党课1次 }
`;

const parse = (text: string) => {
  const parsed = parseOrgFile(text, "org.yml");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.org;
};

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe.each(STORES)("responsibility lists from the org file (%s)", (kind) => {
  it("are created once, applied again change nothing, and an edit keeps what was marked", async () => {
    db = await createTestDatabase(kind);
    const first = await writeOrg(db, parse(head + section), { actor: "t", source: "test" });
    expect(first).toContain("responsibility list 2027 of the committee: 2 duties");
    expect(first).toContain("responsibility list 2027 U0DEPUTY: 1 duties");
    const duties = await loadDuties(db, 2027);
    expect(duties.map((d) => [d.owner, d.duty, d.target, d.result])).toEqual([
      ["committee", "落实全面从严治党主体责任", "q1", "召开专题会议1次"],
      ["committee", "开展党风廉政警示教育", "m6", null],
      ["U0DEPUTY", "带头讲廉政党课", "q2", "讲党课1次"],
    ]);
    expect(await writeOrg(db, parse(head + section), { actor: "t", source: "test" })).toEqual([]);
    expect(await db.prisma.responsibilityItemEvent.count()).toBe(3);
    expect((await loadOrg(db))?.responsibilities).toEqual(parse(head + section).responsibilities);

    // The first duty was done; the file then moves the second and drops the member's only one.
    const firstDuty = duties[0]!;
    await db.prisma.responsibilityItem.update({
      where: { id: firstDuty.id },
      data: { status: "DONE", doneBy: "U0CHAIR", doneAt: new Date("2027-03-01T02:00:00Z") },
    });
    const edited = section
      .replace('target: "2027-06"', "target: q3")
      .replace(
        "      - { duty: 带头讲廉政党课, target: q2, result: 讲党课1次 }\n",
        "      - { duty: 督促分管处室落实廉政责任, target: m9 }\n",
      );
    const changes = await writeOrg(db, parse(head + edited), { actor: "t", source: "test" });
    expect(changes).toContain("responsibility list 2027 of the committee: 2 duties");
    expect(changes).toContain("responsibility list 2027 U0DEPUTY: 1 duties");
    const after = await loadDuties(db, 2027);
    expect(after.map((d) => [d.owner, d.duty, d.target, d.status])).toEqual([
      ["committee", "落实全面从严治党主体责任", "q1", "DONE"],
      ["committee", "开展党风廉政警示教育", "q3", "OPEN"],
      ["U0DEPUTY", "督促分管处室落实廉政责任", "m9", "OPEN"],
    ]);
    expect(after[0]?.id).toBe(firstDuty.id);
    const removed = await db.prisma.responsibilityItem.findFirstOrThrow({
      where: { duty: "带头讲廉政党课" },
      include: { events: true },
    });
    expect(removed.removedAt).not.toBeNull();
    expect(removed.events.map((e) => e.kind)).toEqual(["added", "removed"]);
  });
});
