/**
 * PGlite is one process's database: two processes opening one directory corrupt it. A lock
 * file holding the owner's pid makes the second opener fail with a clear message; a lock left
 * by a process that died is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface StoreLock {
  path: string;
  release(): void;
}

export class StoreInUseError extends Error {
  readonly code = "store_in_use";
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`the embedded database ${dir} is in use by process ${pid}`);
  }
}

export const lockPathFor = (dir: string): string => path.join(dir, "pbb.lock");

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid holding the store, or null when it is free. */
export function storeOwner(dir: string): number | null {
  try {
    const pid = Number(readFileSync(lockPathFor(dir), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function acquireStoreLock(dir: string): StoreLock {
  const file = lockPathFor(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return { path: file, release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = storeOwner(dir);
      if (owner !== null) throw new StoreInUseError(dir, owner);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${dir}`);
}
