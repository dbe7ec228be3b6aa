import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { serializeOrg } from "../../config/org-file.ts";
import { loadOrg } from "../../db/repositories/org.ts";
import { applyOrgText, type OrgWrittenHook } from "../../services/org/apply-org.ts";
import type { CommandContext } from "../command-context.ts";

export async function orgApply(
  ctx: CommandContext,
  file: string,
  assessmentSources?: readonly string[],
  afterWrite?: OrgWrittenHook,
): Promise<number> {
  const full = path.resolve(ctx.cwd, file);
  let text: string;
  try {
    text = await readFile(full, "utf8");
  } catch (error) {
    ctx.io.err(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
    return 1;
  }
  const outcome = await applyOrgText(ctx.db, ctx.resolver, text, file, {
    actor: "cli",
    source: `pbb org apply ${file}`,
    ...(assessmentSources ? { assessmentSources } : {}),
    afterWrite,
  });
  switch (outcome.status) {
    case "invalid":
      for (const line of outcome.lines) ctx.io.err(line);
      ctx.io.err(`${file}: not applied; nothing was changed`);
      return 1;
    case "unchanged":
      ctx.io.out(`${file}: applied; the configuration already matched, nothing changed`);
      return 0;
    case "applied":
      for (const line of outcome.changes) ctx.io.out(`  ${line}`);
      ctx.io.out(
        `${file}: applied (${outcome.changes.length} change${outcome.changes.length === 1 ? "" : "s"})`,
      );
      return 0;
  }
}

async function currentOrgYaml(ctx: CommandContext): Promise<string | null> {
  const org = await loadOrg(ctx.db);
  if (!org) {
    ctx.io.err("no organisation configured yet: run `pbb org apply <file>` first");
    return null;
  }
  return serializeOrg(org);
}

export async function orgShow(ctx: CommandContext): Promise<number> {
  const yaml = await currentOrgYaml(ctx);
  if (yaml === null) return 1;
  for (const line of yaml.replace(/\n$/, "").split("\n")) ctx.io.out(line);
  return 0;
}

export async function orgExport(ctx: CommandContext, file: string | undefined): Promise<number> {
  if (!file) return orgShow(ctx);
  const yaml = await currentOrgYaml(ctx);
  if (yaml === null) return 1;
  await writeFile(path.resolve(ctx.cwd, file), yaml);
  ctx.io.out(`wrote ${file}`);
  return 0;
}
