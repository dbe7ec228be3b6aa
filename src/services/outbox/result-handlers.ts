/**
 * What to do with a sent message's channel and ts, keyed by the prefix of the delivery's
 * resultRef ("tasklist:" handles "tasklist:12:reminder"). A handler runs in the transaction that
 * marks the delivery SENT, so the ts is stored exactly when the delivery is recorded as sent.
 */
import type { Tx } from "../../db/repositories/deliveries.ts";

export interface DeliveryResult {
  channel: string;
  ts: string;
}

export type ResultHandler = (tx: Tx, ref: string, result: DeliveryResult) => Promise<void>;

const handlers = new Map<string, ResultHandler>();

export function registerResultHandler(prefix: string, handler: ResultHandler): void {
  if (prefix === "") throw new Error("a result handler needs a non-empty prefix");
  handlers.set(prefix, handler);
}

/** The handler with the longest prefix of `ref`, if any. */
export function resultHandlerFor(ref: string): ResultHandler | undefined {
  let best: string | undefined;
  for (const prefix of handlers.keys()) {
    if (ref.startsWith(prefix) && (best === undefined || prefix.length > best.length))
      best = prefix;
  }
  return best === undefined ? undefined : handlers.get(best);
}

/** For tests. */
export function clearResultHandlers(): void {
  handlers.clear();
}
