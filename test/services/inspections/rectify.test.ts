import { afterEach, describe, expect, it } from "vitest";
import { parseOrgFile } from "../../../src/config/org-file.ts";
import type { Database } from "../../../src/db/client.ts";
import { writeOrg } from "../../../src/db/repositories/org.ts";
import { translator } from "../../../src/i18n/index.ts";
import { submitChecklist } from "../../../src/services/inspections/checklist.ts";
import { openRounds } from "../../../src/services/inspections/open-round.ts";
import { reportDone, verify } from "../../../src/services/inspections/rectify.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { inspectionsPresenter } from "../../../src/slack/views/inspections/present.ts";
import { createTestDatabase, STORES } from "../../helpers/database.ts";

const file = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEP] }
branches:
  - { key: b0, name: B0, channel: C0B0, secretaries: [U0SEC0] }
  - { key: b1, name: B1, channel: C0B1, secretaries: [U0SEC1] }
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
inspections:
  mutual: { months: [6] }
  supervision: { months: [3] }
  checklist:
    - { key: meetings, title: Meetings, maxScore: 60 }
    - { key: dues, title: Dues, maxScore: 40 }
`;

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const at = (iso: string) => new Date(iso);

describe.each(STORES)("findings to closure (%s)", (kind) => {
  it("checklist → items with owner and due date → done → reopened → verified, four eyes", async () => {
    db = await createTestDatabase(kind);
    const parsed = parseOrgFile(file, "org.yml");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await writeOrg(db, parsed.org, { actor: "t", source: "test" });
    const record = await currentOrgRecord(db);
    if (!record) throw new Error("no org");
    await openRounds(db, record, "2027-03", inspectionsPresenter(translator("en")));
    const assignment = await db.prisma.inspectionAssignment.findFirstOrThrow({
      where: { branch: { key: "b1" } },
    });
    const inspector = assignment.inspectorUserId as string;
    const other = inspector === "U0CHAIR" ? "U0DEP" : "U0CHAIR";
    let now = at("2027-03-01T03:00:00Z");
    const deps = { db, now: () => now };
    const present = inspectionsPresenter;
    const submit = (userId: string, scores: Record<string, string>, problems: string[]) =>
      submitChecklist(deps, present, {
        assignmentId: assignment.id,
        userId,
        checklist: {
          scores,
          note: "ok",
          findings: problems.map((problem, i) => ({
            problem,
            severity: i === 0 ? "serious" : "minor",
            suggestion: "file them",
          })),
        },
      });
    // Bad input changes nothing.
    expect(await submit("U0SEC0", { meetings: "50", dues: "30" }, ["x"])).toEqual({
      ok: false,
      error: "not-inspector",
    });
    expect(await submit(inspector, { meetings: "61", dues: "30" }, ["x"])).toEqual({
      ok: false,
      error: "score",
      field: "meetings",
    });
    expect(await submit(inspector, { meetings: "50", dues: "30" }, [" "])).toEqual({
      ok: false,
      error: "finding-without-text",
    });
    expect(await db.prisma.rectification.count()).toBe(0);
    expect(
      await submit(inspector, { meetings: "50", dues: "30" }, ["minutes missing", "dues late"]),
    ).toEqual({ ok: true, items: 2, total: 80 });
    expect(await submit(inspector, { meetings: "50", dues: "30" }, ["again"])).toEqual({
      ok: false,
      error: "already-submitted",
    });
    const items = await db.prisma.rectification.findMany({ orderBy: { position: "asc" } });
    expect(items.map((i) => [i.problem, i.ownerId, i.dueOn, i.state])).toEqual([
      ["minutes missing", "U0SEC1", "2027-03-08", "OPEN"],
      ["dues late", "U0SEC1", "2027-03-29", "OPEN"],
    ]);
    const id = items[0]?.id as number;
    const done = (evidence: string) =>
      reportDone(deps, present, {
        id,
        userId: "U0SEC1",
        doneText: "minutes written up",
        evidence,
      });
    now = at("2027-03-04T03:00:00Z");
    expect(await done(" ")).toEqual({ ok: false, error: "evidence-required" });
    expect(await done("https://files.example/minutes.pdf")).toEqual({ ok: true });
    // The owner may not verify their own item.
    expect(await verify(deps, present, { id, userId: "U0SEC1", accept: true })).toEqual({
      ok: false,
      error: "not-verifier",
    });
    expect(await verify(deps, present, { id, userId: inspector, accept: false })).toEqual({
      ok: false,
      error: "comment-required",
    });
    expect(
      await verify(deps, present, {
        id,
        userId: inspector,
        accept: false,
        comment: "signatures missing",
      }),
    ).toEqual({ ok: true, state: "OPEN" });
    expect(await done("signed minutes attached")).toEqual({ ok: true });
    now = at("2027-03-08T03:00:00Z");
    expect(await verify(deps, present, { id, userId: other, accept: true })).toEqual({
      ok: true,
      state: "VERIFIED",
    });
    expect(await db.prisma.rectification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "VERIFIED",
      reopenCount: 1,
      lastComment: "signatures missing",
      verifiedBy: other,
      verifiedOn: "2027-03-08",
      evidence: "signed minutes attached",
    });
    // What each step said, and to whom: the branch's result, the owner's items, the verifier.
    const sent = await db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: "inspections:" } },
      orderBy: { id: "asc" },
    });
    const to = (key: string) =>
      sent.find((d) => d.dedupeKey.startsWith(key))?.payload as {
        channel?: string;
        user?: string;
        text: string;
      };
    expect(to(`inspections:assignment:${assignment.id}:result`)).toMatchObject({ channel: "C0B1" });
    expect(to(`inspections:assignment:${assignment.id}:result`).text).toContain("80 of 100");
    expect(to(`inspections:rect:${id}:open:0`)).toMatchObject({ user: "U0SEC1" });
    expect(to(`inspections:rect:${id}:open:1`).text).toContain("signatures missing");
    expect(to(`inspections:rect:${id}:reported:`)).toMatchObject({ user: inspector });
    expect(to(`inspections:rect:${id}:verified`)).toMatchObject({ user: "U0SEC1" });
  });
});
