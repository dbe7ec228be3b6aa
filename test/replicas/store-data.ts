/**
 * A store with something in every table (history included), and a snapshot of every table's
 * rows, for the backup, restore and copy tests.
 */
import type { Database } from "../../src/db/client.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { applyOrgText } from "../../src/services/org/apply-org.ts";
import { offlineResolver } from "../../src/services/org/resolver.ts";

const at = (iso: string) => new Date(iso);

/** Applies `orgText` as ORG_FILE would, then writes rows into every other table. */
export async function populateStore(db: Database, orgText: string): Promise<void> {
  const applied = await applyOrgText(db, offlineResolver, orgText, "org.yml", {
    actor: "ORG_FILE",
    source: "ORG_FILE org.yml",
  });
  if (applied.status === "invalid") throw new Error(applied.lines.join("\n"));
  const p = db.prisma;
  const branches = await p.branch.findMany({ orderBy: { id: "asc" }, take: 3 });
  const [branch] = branches;
  if (!branch) throw new Error("the org has no branch");
  await p.branch.update({
    where: { id: branch.id },
    data: { classReps: { enabled: true, cadence: "weekly", roster: ["U0CHAIR"] } },
  });
  const list = await p.taskList.create({
    data: {
      branchId: branch.id,
      period: "2026-11",
      state: "APPROVED",
      version: 3,
      currentRevision: 1,
      approvedRevision: 1,
      dueAt: at("2026-11-05T10:00:00.123Z"),
      firstSubmittedAt: at("2026-11-02T01:02:03.004Z"),
      reminderChannel: branch.channelId,
      reminderTs: "1793500000.000100",
    },
  });
  const revision = await p.taskListRevision.create({
    data: { listId: list.id, number: 1, status: "APPROVED", submittedBy: "U0SEC001" },
  });
  const item = await p.taskItem.create({
    data: {
      revisionId: revision.id,
      position: 0,
      title: '学习 "two-way"\nsecond line ✓ \\ end',
      category: "THEORY_STUDY",
      status: "DONE",
      doneAt: at("2026-11-20T08:00:00.999Z"),
      doneBy: "U0SEC001",
    },
  });
  await p.taskItemEvent.create({
    data: { itemId: item.id, from: "OPEN", to: "DONE", by: "U0SEC001" },
  });
  await p.decision.create({
    data: { revisionId: revision.id, kind: "APPROVED", decidedBy: "U0CHAIR" },
  });
  await p.listComment.create({
    data: { listId: list.id, authorId: "U0SEC001", text: "done 👍", slackTs: "1793500001.000200" },
  });
  await p.listDraft.create({
    data: {
      userId: "U0SEC001",
      branchId: branch.id,
      period: "2026-12",
      items: [{ title: "draft", nested: { n: [1, 2.5, null, true], big: 12345678901234 } }],
    },
  });
  const session = await p.lectureSession.create({
    data: { series: "lecture", seq: 1, date: "2026-12-02", startsAt: at("2026-12-02T08:00:00Z") },
  });
  const turn = await p.lectureTurn.create({
    data: { sessionId: session.id, slot: 0, userId: "U0CHAIR", topic: "Theory" },
  });
  await p.swapRequest.create({
    data: { turnId: turn.id, fromUser: "U0CHAIR", toUser: "U0SEC001", expiresAt: new Date() },
  });
  await p.rotationState.create({
    data: { series: "lecture", state: { order: ["U0CHAIR", "U0SEC001"], owed: [] } },
  });
  await p.absence.create({
    data: { userId: "U0CHAIR", fromDate: "2026-12-01", toDate: "2026-12-09" },
  });
  await p.calendarToken.create({
    data: { tokenHash: "0".repeat(64), userId: null, scope: "schedule" },
  });
  await p.jobRun.create({
    data: {
      job: "monthly-reminder",
      occurrence: "2026-11",
      firedAt: at("2026-11-01T01:00:00Z"),
      source: "cron",
      status: "DONE",
      finishedAt: at("2026-11-01T01:00:05Z"),
      result: { branches: 3 },
    },
  });
  await p.jobRun.create({
    data: {
      job: "submission-followup",
      occurrence: "2026-11#0",
      firedAt: at("2026-11-03T01:00:00Z"),
      source: "cron",
      status: "FAILED",
      lastError: "boom",
    },
  });
  await p.cronTick.create({
    data: { key: "pbb-scheduler:2026-11-01T01:00:00.000Z", claimedBy: "r1" },
  });
  await p.replica.create({
    data: { id: "gone:1:abc", host: "gone", pid: 1, heartbeatAt: at("2026-11-01T00:00:00Z") },
  });
  await p.processedEvent.create({ data: { eventId: "Ev0001" } });
  for (const [i, b] of branches.entries()) {
    await p.delivery.create({
      data: {
        dedupeKey: `moved:${b.key}`,
        method: "chat.postMessage",
        payload: { channel: b.channelId, text: `pending before the move ${i}` },
      },
    });
  }
  await p.delivery.create({
    data: {
      dedupeKey: "old-sent",
      method: "chat.postMessage",
      payload: { channel: branch.channelId, text: "long ago" },
      status: "SENT",
      attempts: 1,
      sentAt: at("2026-11-01T01:00:02Z"),
      resultChannel: branch.channelId,
      resultTs: "1793500000.000100",
    },
  });
  await p.delivery.create({
    data: {
      dedupeKey: "old-failed",
      method: "dm",
      payload: { user: "U0CHAIR", text: "x" },
      status: "FAILED",
      attempts: 2,
      lastError: "cannot_dm_bot",
    },
  });
  await p.auditLog.create({
    data: { actor: "test", action: "json.null", entity: "x", data: Prisma.JsonNull },
  });
  await p.auditLog.create({ data: { actor: "test", action: "sql.null", entity: "x" } });
  // A gap in the ids: the copy's sequences must continue after the highest id, not the count.
  const gap = await p.auditLog.create({ data: { actor: "test", action: "deleted", entity: "x" } });
  await p.auditLog.create({ data: { actor: "test", action: "after-gap", entity: "x" } });
  await p.auditLog.delete({ where: { id: gap.id } });
}

/** Every table's rows as JSON text (sorted), and the migrations recorded. */
export async function snapshotStore(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (name === "_prisma_migrations") {
      const rows = await db.prisma.$queryRawUnsafe<{ n: string }[]>(
        `SELECT migration_name AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
      );
      out[name] = rows.map((r) => r.n).sort();
      continue;
    }
    const rows = await db.prisma.$queryRawUnsafe<{ r: string }[]>(
      `SELECT to_jsonb(t)::text AS r FROM "${name}" t`,
    );
    out[name] = rows.map((r) => r.r).sort();
  }
  return out;
}

/** AuditLog.data: which rows hold a JSON null and which an SQL NULL (to_jsonb shows both as null). */
export async function jsonNulls(db: Database): Promise<{ json: string[]; sql: string[] }> {
  const rows = await db.prisma.$queryRawUnsafe<{ action: string; kind: string }[]>(
    `SELECT action, CASE WHEN data IS NULL THEN 'sql' ELSE 'json' END AS kind
     FROM "AuditLog" WHERE data IS NULL OR data = 'null'::jsonb ORDER BY id`,
  );
  return {
    json: rows.filter((r) => r.kind === "json").map((r) => r.action),
    sql: rows.filter((r) => r.kind === "sql").map((r) => r.action),
  };
}
