import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { closure } from "../../../src/domain/rectification.ts";
import { translator } from "../../../src/i18n/index.ts";
import { openChecklist, submitChecklist } from "../../../src/services/inspections/checklist.ts";
import { openRounds } from "../../../src/services/inspections/open-round.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { inspectionsPresenter } from "../../../src/slack/views/inspections/present.ts";
import { createTestDatabase, STORES, writeOrgText } from "../../helpers/database.ts";
import { inspectionsOrg } from "../../helpers/inspections-org.ts";

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const at = (iso: string) => new Date(iso);

describe.each(STORES)("amending a sent checklist (%s)", (kind) => {
  it.each([
    ["en", "Meetings: 50 → 55", "Finding removed: dues late", "New finding (minor): notes thin"],
    ["zh-CN", "Meetings：50 → 55", "问题已删除：dues late", "新增问题（轻微）：notes thin"],
  ])(
    "until the round closes, recorded and told to the branch (%s)",
    async (locale, score, removed, added) => {
      db = await createTestDatabase(kind);
      await writeOrgText(db, inspectionsOrg(locale));
      const record = await currentOrgRecord(db);
      if (!record) throw new Error("no org");
      await openRounds(db, record, "2027-03", inspectionsPresenter(translator("en")));
      const assignment = await db.prisma.inspectionAssignment.findFirstOrThrow({
        where: { branch: { key: "b1" } },
      });
      const inspector = assignment.inspectorUserId as string;
      let now = at("2027-03-02T03:00:00Z");
      const deps = { db, now: () => now };
      const present = inspectionsPresenter;
      const send = (
        scores: Record<string, string>,
        findings: { problem: string; slot: number; severity?: "serious" | "general" | "minor" }[],
        reason?: string,
      ) =>
        submitChecklist(deps, present, {
          assignmentId: assignment.id,
          userId: inspector,
          checklist: {
            scores,
            note: "ok",
            findings: findings.map((f) => ({ severity: "general", ...f })),
            ...(reason === undefined ? {} : { reason }),
          },
        });
      expect(
        await send({ meetings: "50", dues: "30" }, [
          { problem: "minutes missing", slot: 0, severity: "serious" },
          { problem: "dues late", slot: 1 },
        ]),
      ).toEqual({ ok: true, items: 2, total: 80 });
      // The form offers what was sent, each pending finding in its slot, and asks why.
      const opened = await openChecklist(deps, { assignmentId: assignment.id, userId: inspector });
      if (!opened.ok) throw new Error(opened.error);
      expect(opened.form.amending).toBe(true);
      expect(opened.form.draft).toEqual({
        scores: { meetings: "50", dues: "30" },
        note: "ok",
        findings: [
          { problem: "minutes missing", severity: "serious", suggestion: "" },
          { problem: "dues late", severity: "general", suggestion: "" },
        ],
      });
      const before = await db.prisma.rectification.findMany({ orderBy: { id: "asc" } });
      // Without a reason, or with a score above the maximum: refused, nothing changed.
      const amended = [
        { problem: "minutes incomplete", slot: 0, severity: "serious" as const },
        { problem: "notes thin", slot: 2, severity: "minor" as const },
      ];
      expect(await send({ meetings: "55", dues: "30" }, amended)).toEqual({
        ok: false,
        error: "amend-reason-required",
      });
      expect(await send({ meetings: "65", dues: "30" }, amended, "recount")).toEqual({
        ok: false,
        error: "score",
        field: "meetings",
      });
      expect(await db.prisma.rectification.findMany({ orderBy: { id: "asc" } })).toEqual(before);
      now = at("2027-03-04T03:00:00Z");
      expect(await send({ meetings: "55", dues: "30" }, amended, "dues were paid on time")).toEqual(
        {
          ok: true,
          items: 1,
          total: 85,
          amended: true,
        },
      );
      const items = await db.prisma.rectification.findMany({ orderBy: { position: "asc" } });
      expect(items.map((i) => [i.position, i.problem, i.state, i.ownerId, i.lastComment])).toEqual([
        [0, "minutes incomplete", "OPEN", "U0SEC1", null],
        [1, "dues late", "CANCELLED", "U0SEC1", "dues were paid on time"],
        [2, "notes thin", "OPEN", "U0SEC1", null],
      ]);
      // A cancelled item no longer counts, open or overdue.
      expect(
        closure(
          items.map((i) => ({ ...i, state: i.state as "OPEN" })),
          "2027-12-31",
        ),
      ).toEqual({ total: 2, closed: 0, onTime: 0, overdue: 2 });
      const row = await db.prisma.inspectionAssignment.findUniqueOrThrow({
        where: { id: assignment.id },
      });
      expect(row).toMatchObject({ total: 85, amendedAt: now, scores: { meetings: 55, dues: 30 } });
      const audit = await db.prisma.auditLog.findFirstOrThrow({
        where: { entity: "inspection-assignment", action: "amend" },
      });
      expect(audit).toMatchObject({ actor: inspector, at: now, entityId: String(assignment.id) });
      expect(audit.data).toEqual({
        reason: "dues were paid on time",
        scores: [{ item: "meetings", before: 50, after: 55 }],
        note: null,
        added: ["notes thin"],
        changed: [{ before: "minutes missing", after: "minutes incomplete" }],
        removed: ["dues late"],
      });
      // The branch hears what changed; the owner gets the new item.
      const told = await db.prisma.delivery.findFirstOrThrow({
        where: { dedupeKey: { startsWith: `inspections:assignment:${assignment.id}:amend:` } },
      });
      const text = JSON.stringify(told.payload);
      expect(told.payload).toMatchObject({ channel: "C0B1" });
      for (const part of [score, removed, added, "dues were paid on time", `<@${inspector}>`])
        expect(text).toContain(part);
      const dm = await db.prisma.delivery.findFirstOrThrow({
        where: { dedupeKey: `inspections:rect:${items[2]?.id}:open:0` },
      });
      expect(dm.payload).toMatchObject({ user: "U0SEC1" });
      // Once the round has closed, the checklist stays as it is.
      now = at("2027-03-20T03:00:00Z");
      expect(await openChecklist(deps, { assignmentId: assignment.id, userId: inspector })).toEqual(
        {
          ok: false,
          error: "round-closed",
        },
      );
      expect(await send({ meetings: "10", dues: "10" }, [], "late")).toEqual({
        ok: false,
        error: "round-closed",
      });
      expect(
        (await db.prisma.inspectionAssignment.findUniqueOrThrow({ where: { id: assignment.id } }))
          .total,
      ).toBe(85);
    },
  );
});
