/**
 * node-cron's distributed-mode coordinator, backed by the CronTick table: node-cron asks
 * `shouldRun("<task name>:<fire time ISO>")` on every replica and the one whose insert wins runs.
 */
import type { RunCoordinator } from "node-cron";
import type { Database } from "../db/client.ts";
import { claimCronTick } from "../db/repositories/replicas.ts";
import type { Logger } from "../observability/logger.ts";

export function createDbRunCoordinator(
  db: Database,
  replicaId: string,
  logger: Logger,
): RunCoordinator {
  return {
    async shouldRun(key) {
      const won = await claimCronTick(db, key, replicaId);
      logger.debug({ key, won }, "cron tick claim");
      return won;
    },
  };
}
