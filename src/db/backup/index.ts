/** Backups, restores and store-to-store copies: the same portable format on PGlite and PostgreSQL. */
export { type BackupReport, createBackup } from "./backup.ts";
export { type CopyOptions, type CopyReport, copyStore } from "./copy.ts";
export { BACKUP_FORMAT, BACKUP_VERSION, BackupFormatError } from "./format.ts";
export { LoadError } from "./load.ts";
export { DbOpRefused } from "./refusal.ts";
export { type RestoreOptions, type RestoreReport, restoreBackup } from "./restore.ts";
