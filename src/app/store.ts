/** Opening the store a bot process runs on, with the errors a person starting it can act on. */
import type { EnvConfig } from "../config/env.ts";
import { type Database, loadDriver, openDatabase } from "../db/client.ts";
import { StoreInUseError } from "../db/store-lock.ts";

/** Start-up failed for a reason the operator can fix; the message says how. */
export class StartupError extends Error {}

/** The store's driver modules, imported ahead of everything else (see db/client.ts). */
export function loadStoreDriver(env: EnvConfig): Promise<void> {
  return loadDriver(env.database);
}

export async function openStore(
  env: EnvConfig,
  notice?: (line: string) => void,
): Promise<Database> {
  try {
    return await openDatabase(env.database, notice ? { notice } : {});
  } catch (error) {
    if (error instanceof StoreInUseError) {
      throw new StartupError(
        `another pbb process (pid ${error.pid}) is already running on ${error.dir}: stop it first, or set DATABASE_URL to another store`,
      );
    }
    throw error;
  }
}
