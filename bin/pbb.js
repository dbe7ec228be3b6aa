#!/usr/bin/env node
// `pbb`: runs the build in dist/ (made by `npm install` or `npm run build` from src/).
// Refuses, with one line on stderr and exit code 1, a Node older than 22 and a build that is
// missing or older than the sources in front of it (docs/decisions/compiled-start.md).
// Everything after the checks is loaded dynamically, so the checks run first on any Node.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(
    `pbb: Node ${process.versions.node} is not supported; install Node 22 or 24 (the LTS lines)\n`,
  );
  process.exit(1);
}

const { builtFingerprint, sourceFingerprint } = await import("../scripts/build-stamp.mjs");
const sources = sourceFingerprint();
const built = builtFingerprint();
if (built === null || (sources !== null && sources !== built)) {
  const why =
    built === null ? "there is no build in dist/" : "the build in dist/ is older than src/";
  process.stderr.write(`pbb: ${why}; run \`npm run build\` (or \`npm start\`, which builds)\n`);
  process.exit(1);
}

process.setSourceMapsEnabled(true);
await import("../dist/pbb.js");
