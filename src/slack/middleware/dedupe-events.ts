/**
 * Slack re-sends an event it thinks was not acknowledged (X-Slack-Retry-Num), possibly to
 * another replica, with the same event_id: record each id once and drop repeats.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Database } from "../../db/client.ts";
import { markEventProcessed } from "../../db/repositories/processed-events.ts";

export function dedupeEvents(db: Database): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !(await markEventProcessed(db, eventId))) return;
    await next();
  };
}
