/**
 * The embedded store holds everything the bot knows (people, plans, assessments, calendar
 * tokens), and PGlite writes its files with mode 0666 less the umask: under the usual umask
 * 022 the write-ahead log and the catalogs were readable, under 000 writable, by every account
 * on the machine. The store directory is therefore created 0700 (and the directories above it
 * that we create with it), and every file in it is made owner-only whenever it is opened.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

const OTHERS = 0o077;

export interface TightenResult {
  /** The store directory let other accounts in (a store from before this check): say so. */
  wasOpen: boolean;
  /** Files and directories whose mode was narrowed. */
  changed: number;
}

/** Creates `dir` (and missing parents) 0700; an existing directory keeps its parents' modes. */
export function createPrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Takes group and other permissions off `dir` and everything under it (symbolic links are
 * not followed). The owner's bits stay as they were.
 */
export function tightenStore(dir: string): TightenResult {
  const wasOpen = (lstatSync(dir).mode & OTHERS) !== 0;
  let changed = 0;
  const visit = (entry: string) => {
    const stat = lstatSync(entry, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) return;
    if ((stat.mode & OTHERS) !== 0) {
      chmodSync(entry, stat.mode & 0o700);
      changed++;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) visit(path.join(entry, name));
    }
  };
  visit(dir);
  return { wasOpen, changed };
}

/** The line the log gets when an existing store was open to other accounts. */
export const tightenedNotice = (dir: string, result: TightenResult): string =>
  `the embedded database ${dir} was readable by other accounts on this machine: made it and the ${result.changed - 1} entries in it owner-only (0700/0600)`;
