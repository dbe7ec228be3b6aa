// `npm run build`: bundles src/cli/main.ts with esbuild into dist/pbb.js (plus the chunks that
// only some paths load: the sandbox, reports, the local Slack), ES modules for Node, source maps
// beside them so stack traces name the .ts lines; packages stay in node_modules. Writes
// dist/build-stamp.json last. `--if-stale` builds only when the sources' fingerprint differs
// from the stamp. The bundle is written to a fresh folder and moved into place, so a process
// never sees half a build.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { builtFingerprint, DIST, ROOT, sourceFingerprint } from "./build-stamp.mjs";

const ifStale = process.argv.includes("--if-stale");
const fingerprint = sourceFingerprint();
if (ifStale && fingerprint !== null && builtFingerprint() === fingerprint) process.exit(0);
if (fingerprint === null) {
  console.error("pbb build: no src/ folder to build from");
  process.exit(1);
}

const started = performance.now();
const { build } = await import("esbuild");
const staging = path.join(ROOT, `.dist-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging);
try {
  await build({
    entryPoints: { pbb: path.join(ROOT, "src/cli/main.ts") },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    packages: "external",
    sourcemap: true,
    // Chunk names stay readable in stack traces and in `ls dist`.
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
  });
  writeFileSync(
    path.join(staging, "build-stamp.json"),
    `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  rmSync(DIST, { recursive: true, force: true });
  renameSync(staging, DIST);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
console.log(`pbb build: dist/ in ${Math.round(performance.now() - started)} ms`);
