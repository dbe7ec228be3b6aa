/**
 * `pbb db restore`: a backup into this store, in one transaction. Refuses a backup from a newer
 * schema (migrations unknown here) and a store that holds rows, unless forced. A backup from an
 * older schema is loaded at its own schema and then migrated forward (replay.ts).
 */
import type { Database } from "../client.ts";
import { applyMigrations, readMigrationList } from "../migrations.ts";
import { type BackupReader, openBackupFile } from "./backup-file.ts";
import { appliedMigrationNames, nonEmptyTables, readCatalog } from "./catalog.ts";
import type { BackupHeader } from "./format.ts";
import { insertBatches, resetSequences, truncateAll, verifyCounts } from "./load.ts";
import { DbOpRefused, listSome, sameList } from "./refusal.ts";
import { applyMigrationsNamed, dropEverything } from "./replay.ts";
import { inTransaction } from "./sql.ts";

export interface RestoreOptions {
  /** Replace whatever the store holds. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface RestoreReport {
  header: BackupHeader;
  counts: Record<string, number>;
  /** Migrations applied after loading a backup from an older schema. */
  migratedForward: string[];
}

export async function restoreBackup(
  db: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const log = options.log ?? (() => {});
  const reader = await openBackupFile(file);
  try {
    const { header } = reader;
    const local = (await readMigrationList()).migrationDirectories.map((d) => d.path);
    const unknown = header.migrations.filter((name) => !local.includes(name));
    if (unknown.length > 0) {
      throw new DbOpRefused(
        `the backup comes from a newer schema: migration ${listSome(unknown)} is unknown to this pbb; upgrade pbb, then restore`,
      );
    }
    const filled = await nonEmptyTables(db.prisma, await readCatalog(db.prisma));
    if (filled.length > 0 && !options.force) {
      throw new DbOpRefused(
        `the store is not empty (${listSome(filled)} hold rows): restore into an empty store, or pass --force to replace everything in it`,
      );
    }
    const older = !sameList(header.migrations, await appliedMigrationNames(db.prisma));
    if (older) {
      log(
        `the backup was made at an older schema (${header.migrations.length} of ${local.length} migrations): loading it at that schema, then migrating forward`,
      );
      await dropEverything(db.prisma);
      await applyMigrationsNamed(db.adapter, header.migrations);
    }
    const counts = await load(db, reader);
    const migratedForward = older ? await applyMigrations(db.adapter) : [];
    return { header, counts, migratedForward };
  } finally {
    reader.close();
  }
}

function load(db: Database, reader: BackupReader): Promise<Record<string, number>> {
  return inTransaction(db, async (tx) => {
    const target = await readCatalog(tx);
    await truncateAll(tx, target);
    await insertBatches(tx, target, reader.header.tables, reader.batches());
    await resetSequences(tx);
    return verifyCounts(tx, target, reader.counts());
  });
}
