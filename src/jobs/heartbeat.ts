import type { Database } from "../db/client.ts";
import { heartbeat, removeReplica } from "../db/repositories/replicas.ts";
import type { Logger } from "../observability/logger.ts";

export const HEARTBEAT_INTERVAL_MS = 15_000;
/** A replica silent for longer is taken for dead (by `pbb` deciding who delivers). */
export const REPLICA_STALE_MS = 60_000;

/** Records that this replica is alive, now and every interval, until stopped. */
export function startHeartbeat(
  db: Database,
  replicaId: string,
  logger: Logger,
  intervalMs = HEARTBEAT_INTERVAL_MS,
): { ready: Promise<void>; stop(): Promise<void> } {
  const beat = () =>
    heartbeat(db, replicaId, new Date()).catch((err) => logger.warn({ err }, "heartbeat failed"));
  const ready = beat();
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  return {
    ready,
    async stop() {
      clearInterval(timer);
      await removeReplica(db, replicaId).catch(() => {});
    },
  };
}
