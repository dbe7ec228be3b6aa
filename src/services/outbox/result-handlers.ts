/**
 * What to do with a sent message's channel and ts, keyed by the prefix of the delivery's
 * resultRef ("tasklist:" handles "tasklist:12:reminder"). A handler runs in the transaction that
 * marks the delivery SENT, so the ts is stored exactly when the delivery is recorded as sent.
 * The features declare theirs (Feature.resultHandlers); the worker is given them.
 */
import type { Tx } from "../../db/repositories/deliveries.ts";

export interface DeliveryResult {
  channel: string;
  ts: string;
}

export type ResultHandler = (tx: Tx, ref: string, result: DeliveryResult) => Promise<void>;

/** Handlers by resultRef prefix. */
export type ResultHandlers = Readonly<Record<string, ResultHandler>>;

/** The handler with the longest prefix of `ref`, if any. */
export function resultHandlerFor(handlers: ResultHandlers, ref: string): ResultHandler | undefined {
  let best: string | undefined;
  for (const prefix of Object.keys(handlers)) {
    if (prefix === "") continue;
    if (ref.startsWith(prefix) && (best === undefined || prefix.length > best.length))
      best = prefix;
  }
  return best === undefined ? undefined : handlers[best];
}
