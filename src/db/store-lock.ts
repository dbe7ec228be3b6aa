/**
 * PGlite is one process's database: two processes opening one directory corrupt it. The store
 * is locked with a kernel lock on `pbb.lock` (an open-file-description lock on Linux, flock on
 * macOS, LockFileEx on Windows, through `fs-native-extensions`): the kernel drops it when its
 * process ends, however it ends, so there is no stale lock to judge and take over, and two
 * processes can never both hold it. The file also names the holder (pid and start time) for
 * the messages and for `pbb` commands that hand their work to the running bot.
 *
 * The lock file recorded only a pid before (issue 26): a restarted container's bot, PID 1 again,
 * found "its" pid alive and refused to start, and two processes taking over a stale file at
 * once both won in 1 of 30 trials. Where the native lock cannot be loaded, the fallback below
 * still records the start time, treats its own pid as stale and takes over by rename.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  ftruncateSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { createRequire } from "node:module";
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

interface Holder {
  pid: number;
  /** The process's start time as the kernel counts it (Linux), so a reused pid is told apart. */
  start?: string;
}

interface NativeLock {
  tryLock(fd: number): boolean;
  unlock(fd: number): void;
}

let native: NativeLock | null | undefined;
/** The kernel lock, or null where its add-on has no build for this platform. */
export function nativeLock(): NativeLock | null {
  if (native === undefined) {
    try {
      native = createRequire(import.meta.url)("fs-native-extensions") as NativeLock;
    } catch {
      native = null;
    }
  }
  return native;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
export function processStart(pid: number | "self"): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): Holder | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text) }; // written by an older pbb
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (!Number.isInteger(parsed.pid) || (parsed.pid as number) <= 0) return null;
    return {
      pid: parsed.pid as number,
      ...(typeof parsed.start === "string" ? { start: parsed.start } : {}),
    };
  } catch {
    return null;
  }
}

const me = (): Holder => {
  const start = processStart("self");
  return { pid: process.pid, ...(start ? { start } : {}) };
};

/**
 * Is the process a lock file names still the one that wrote it? Not when it is this process
 * (we hold no lock we do not know of: a container restarted as PID 1 again), nor when a live
 * process with that pid started at another time.
 */
function holderAlive(holder: Holder): boolean {
  if (holder.pid === process.pid) return false;
  if (!isProcessAlive(holder.pid)) return false;
  if (holder.start === undefined) return true;
  const start = processStart(holder.pid);
  return start === undefined || start === holder.start;
}

/** Locks held by this process, by lock file (a second open in the same process is refused). */
const heldHere = new Set<string>();

/** The pid holding the store, or null when it is free. */
export function storeOwner(dir: string): number | null {
  const file = lockPathFor(dir);
  const lock = nativeLock();
  if (!lock) {
    const holder = readHolder(file);
    return holder && holderAlive(holder) ? holder.pid : null;
  }
  if (heldHere.has(file)) return process.pid;
  let fd: number;
  try {
    fd = openSync(file, "r+");
  } catch {
    return null;
  }
  try {
    // A probe, not a hold: released at once. A start racing it retries (acquireStoreLock).
    if (lock.tryLock(fd)) {
      lock.unlock(fd);
      return null;
    }
    return readHolder(file)?.pid ?? -1;
  } finally {
    closeSync(fd);
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function acquireStoreLock(dir: string): StoreLock {
  const file = lockPathFor(dir);
  if (heldHere.has(file)) throw new StoreInUseError(dir, process.pid);
  const lock = nativeLock();
  const held = lock ? acquireNative(dir, file, lock) : acquireByFile(dir, file);
  heldHere.add(file);
  return {
    path: file,
    release: () => {
      if (!heldHere.delete(file)) return;
      held();
    },
  };
}

function acquireNative(dir: string, file: string, lock: NativeLock): () => void {
  // The file is never removed: a process that opened it just before a removal would lock a
  // file nobody else sees any more. Free means "not locked", whatever it says.
  const fd = openSync(file, "a+", 0o600);
  try {
    for (let attempt = 0; ; attempt++) {
      if (lock.tryLock(fd)) break;
      // A `pbb` command's probe (storeOwner) holds it for a moment: try again before refusing.
      if (attempt >= 5) throw new StoreInUseError(dir, readHolder(file)?.pid ?? -1);
      pause(20);
    }
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  const text = JSON.stringify(me());
  ftruncateSync(fd, 0);
  writeSync(fd, text, 0);
  return () => {
    try {
      ftruncateSync(fd, 0);
      lock.unlock(fd);
    } finally {
      closeSync(fd);
    }
  };
}

/**
 * Without a kernel lock: create the file exclusively; a stale one (its holder gone, or this
 * process's own pid) is first moved aside by rename, which only one contender can do to a
 * given file, and what was moved is checked to be the stale file that was judged.
 */
function acquireByFile(dir: string, file: string): () => void {
  const text = JSON.stringify(me());
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      writeFileSync(file, text, { flag: "wx", mode: 0o600 });
      return () => {
        if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const judged = readFileSafe(file);
    const holder = judged === null ? null : readHolder(file);
    if (holder && holderAlive(holder)) throw new StoreInUseError(dir, holder.pid);
    if (judged === null) continue;
    const aside = `${file}.stale.${randomBytes(6).toString("hex")}`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // another contender moved it first
    }
    if (readFileSafe(aside) !== judged) {
      // It was replaced by a live lock between our look and our move: put it back.
      try {
        linkSync(aside, file);
      } catch {}
      rmSync(aside, { force: true });
      continue;
    }
    rmSync(aside, { force: true });
  }
  throw new Error(`could not lock ${dir}`);
}

function readFileSafe(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
