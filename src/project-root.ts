/**
 * The checkout's root (the folder with package.json), found by walking up from this module's own
 * folder: the same answer whether the code runs from src/ (tsx, vitest) or bundled in dist/.
 */
import { existsSync } from "node:fs";
import path from "node:path";

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);
