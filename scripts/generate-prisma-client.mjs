// postinstall: generate the Prisma client into src/generated/prisma.
// `prisma generate` does not need Prisma's schema-engine binary, but it tries to download it from
// Prisma's host unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; offline machines
// cannot reach that host, so point it at a placeholder (migrations use the wasm engine instead).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const placeholder = path.join(os.tmpdir(), "pbb-no-schema-engine");
writeFileSync(placeholder, "");
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/prisma/build/index.js"), "generate"],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  },
);
process.exit(result.status ?? 1);
