import { applyMigrations } from "../../db/migrations.ts";
import type { CommandContext } from "../command-context.ts";

export async function dbMigrate(ctx: CommandContext): Promise<number> {
  const applied = await applyMigrations(ctx.db.adapter);
  if (applied.length === 0) ctx.io.out("the database is up to date: no pending migrations");
  for (const name of applied) ctx.io.out(`applied ${name}`);
  return 0;
}
