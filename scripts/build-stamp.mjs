// The fingerprint of what the build is made from: every file under src/ (the generated Prisma
// client included) by path, size and modification time, plus the build scripts themselves.
// dist/build-stamp.json keeps the fingerprint the build in dist/ was made from; bin/pbb.js
// refuses to run a build whose stamp differs from the sources in front of it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const DIST = path.join(ROOT, "dist");
export const STAMP_FILE = path.join(DIST, "build-stamp.json");
const INPUTS = ["src", "scripts/build.mjs", "scripts/build-stamp.mjs"];

function walk(file, lines) {
  const stat = statSync(file);
  if (stat.isDirectory()) {
    for (const name of readdirSync(file).sort()) walk(path.join(file, name), lines);
  } else {
    lines.push(`${path.relative(ROOT, file)}\t${stat.size}\t${Math.trunc(stat.mtimeMs)}`);
  }
}

/** The sources' fingerprint now, or null where there are no sources (an install without src/). */
export function sourceFingerprint(root = ROOT) {
  if (!existsSync(path.join(root, "src"))) return null;
  const lines = [];
  for (const input of INPUTS) {
    const file = path.join(root, input);
    if (existsSync(file)) walk(file, lines);
  }
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

/** The fingerprint the build in dist/ was made from, or null when there is no (whole) build. */
export function builtFingerprint(stampFile = STAMP_FILE) {
  try {
    return JSON.parse(readFileSync(stampFile, "utf8")).fingerprint ?? null;
  } catch {
    return null;
  }
}
