import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

/** Every path under `dir` (itself included) whose mode lets group or others in, with the mode. */
export async function openToOthers(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (entry: string) => {
    const s = await lstat(entry);
    if (s.isSymbolicLink()) return;
    if ((s.mode & 0o077) !== 0) {
      found.push(`${path.relative(dir, entry) || "."} ${(s.mode & 0o777).toString(8)}`);
    }
    if (s.isDirectory())
      for (const name of await readdir(entry)) await visit(path.join(entry, name));
  };
  await visit(dir);
  return found;
}

/** The permission bits of `file` (not following a symbolic link), e.g. 0o600. */
export const modeOf = async (file: string): Promise<number> => (await lstat(file)).mode & 0o777;
