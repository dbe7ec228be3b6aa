/**
 * The layer rules in biome.json (noRestrictedImports) fire: each fixture below is linted with the
 * project's own configuration, in a scratch tree laid out like src/, and must be refused — or,
 * for the imports the layers are allowed, pass.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIOME = path.join(ROOT, "node_modules/.bin/biome");

const refused: Record<string, string> = {
  "src/slack/views/tasklist/reads-db.ts": `import { loadListRecord } from "../../../db/repositories/tasklist.ts";\nexport const f = loadListRecord;\n`,
  "src/slack/views/home/types-from-service.ts": `import type { HomeDeps } from "../../../services/home/load-home.ts";\nexport type F = HomeDeps;\n`,
  "src/slack/views/home/calls-service.ts": `import { decideList } from "../../../services/tasklist/transition.ts";\nexport const f = decideList;\n`,
  "src/services/tasklist/renders.ts": `import { buildCommitteeMessage } from "../../slack/views/tasklist/index.ts";\nexport const f = buildCommitteeMessage;\n`,
  "src/services/lecture/builds-blocks.ts": `import { section } from "../../slack/blocks.ts";\nexport const f = section;\n`,
  "src/services/home/uses-bolt.ts": `import type { RespondFn } from "@slack/bolt";\nexport type F = RespondFn;\n`,
  "src/slack/listeners/tasklist/reads-repo.ts": `import { loadListRecord } from "../../../db/repositories/tasklist.ts";\nexport const f = loadListRecord;\n`,
  "src/domain/reaches-out.ts": `import { t } from "../i18n/index.ts";\nexport const f = t;\n`,
  "src/domain/uses-slack.ts": `import type { App } from "@slack/bolt";\nexport type F = App;\n`,
};

const allowed: Record<string, string> = {
  "src/slack/views/home/reads-port.ts": `import type { ViewerRow } from "../../../ports/home.ts";\nexport type F = ViewerRow;\n`,
  "src/services/tasklist/uses-kit.ts": `import { inTx } from "../kit/tx.ts";\nimport { loadListRecord } from "../../db/repositories/tasklist.ts";\nexport const f = [inTx, loadListRecord];\n`,
  "src/slack/listeners/tasklist/calls-service.ts": `import { decideList } from "../../../services/tasklist/transition.ts";\nexport const f = decideList;\n`,
  "src/domain/stays-home.ts": `import { addMonths } from "./period.ts";\nexport const f = addMonths;\n`,
};

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

let scratch: string;
let diagnostics: Diagnostic[];

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "pbb-boundaries-"));
  const config = JSON.parse(readFileSync(path.join(ROOT, "biome.json"), "utf8"));
  config.vcs = { enabled: false }; // the scratch tree is no git checkout
  writeFileSync(path.join(scratch, "biome.json"), JSON.stringify(config));
  for (const [file, text] of Object.entries({ ...refused, ...allowed })) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    writeFileSync(path.join(scratch, file), text);
  }
  let out: string;
  try {
    out = execFileSync(
      BIOME,
      ["lint", "--reporter=json", "--only=style/noRestrictedImports", "."],
      {
        cwd: scratch,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
  } catch (error) {
    // Biome exits 1 when it found errors; the report is on stdout all the same.
    out = (error as { stdout: string }).stdout;
  }
  diagnostics = (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics;
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const on = (file: string) =>
  diagnostics.filter(
    (d) => d.location.path === file && d.category === "lint/style/noRestrictedImports",
  );

describe("the layer rules", () => {
  it.each(Object.keys(refused))("refuse %s", (file) => {
    const found = on(file);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/\S/);
  });

  it.each(Object.keys(allowed))("allow %s", (file) => {
    expect(on(file)).toEqual([]);
  });

  it("exempt no file: every layer rule applies to its whole layer", () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, "biome.json"), "utf8")) as {
      overrides: { includes: string[]; linter?: { rules?: { style?: object } } }[];
    };
    const layerRules = config.overrides.filter(
      (o) => o.linter?.rules?.style && "noRestrictedImports" in o.linter.rules.style,
    );
    expect(layerRules.map((o) => o.includes)).toEqual([
      ["src/domain/**"],
      ["src/slack/views/**"],
      ["src/services/**"],
      ["src/slack/listeners/**"],
    ]);
  });

  it("say which layer is wrong", () => {
    expect(on("src/slack/listeners/tasklist/reads-repo.ts")[0]?.message).toContain(
      "only services use repositories",
    );
    expect(on("src/domain/reaches-out.ts")[0]?.message).toContain("imports nothing outside");
  });
});
