/** Slack event ids already handled, so an event retried to any replica is processed once. */
import type { Database } from "../client.ts";

/** Records `eventId`; true when this call recorded it, false when it was already there. */
export async function markEventProcessed(db: Database, eventId: string): Promise<boolean> {
  const { count } = await db.prisma.processedEvent.createMany({
    data: [{ eventId }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Forget ids older than `before` (Slack retries within minutes; a day is plenty). */
export async function pruneProcessedEvents(db: Database, before: Date): Promise<number> {
  const { count } = await db.prisma.processedEvent.deleteMany({
    where: { createdAt: { lt: before } },
  });
  return count;
}
