/** `pbb db backup`: every table of the store, read in one snapshot, into a backup file. */
import type { Database } from "../client.ts";
import { writeBackupFile } from "./backup-file.ts";
import { appliedMigrationNames, readCatalog } from "./catalog.ts";
import { readBatches } from "./dump.ts";
import { inTransaction } from "./sql.ts";

export interface BackupReport {
  file: string;
  migrations: string[];
  counts: Record<string, number>;
}

export function createBackup(db: Database, file: string, now = new Date()): Promise<BackupReport> {
  return inTransaction(
    db,
    async (tx) => {
      const tables = await readCatalog(tx);
      const migrations = await appliedMigrationNames(tx);
      const header = { createdAt: now.toISOString(), store: db.kind, migrations, tables };
      const counts = await writeBackupFile(file, header, readBatches(tx, tables));
      return { file, migrations, counts };
    },
    { snapshot: true },
  );
}
