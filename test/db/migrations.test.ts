import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema, readSchema } from "../../src/db/migrations.ts";
import { createTestDatabase, STORES } from "../helpers/database.ts";

describe("migrations", () => {
  it("when schema.prisma and the committed migrations agree, the drift check is clean", async () => {
    const { inSync, sql } = await diffMigrationsToSchema();
    expect(sql).toContain("empty migration");
    expect(inSync).toBe(true);
  });

  it("when a field is added to schema.prisma without a migration, the drift check fails with its SQL", async () => {
    const schema = await readSchema();
    const edited = schema.content.replace(
      "model Branch {\n",
      "model Branch {\n  motto     String?\n",
    );
    expect(edited).not.toBe(schema.content);
    const { inSync, sql } = await diffMigrationsToSchema({ path: schema.path, content: edited });
    expect(inSync).toBe(false);
    expect(sql).toMatch(/ALTER TABLE "Branch" ADD COLUMN\s+"motto" TEXT/);
  });

  for (const store of STORES) {
    it(`on ${store}, migrations are applied and recorded in _prisma_migrations`, async () => {
      const db = await createTestDatabase(store);
      try {
        const rows = await db.prisma.$queryRaw<
          { migration_name: string; finished_at: Date | null }[]
        >`
          SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
        expect(rows.length).toBeGreaterThan(0);
        expect(rows[0]?.migration_name).toMatch(/^\d{14}_init$/);
        expect(rows.every((r) => r.finished_at !== null)).toBe(true);
        const branch = await db.prisma.branch.create({
          data: { key: "resettlement", name: "Resettlement", channelId: "C0RESETTLE" },
        });
        expect(await db.prisma.branch.findUnique({ where: { key: "resettlement" } })).toEqual(
          branch,
        );
      } finally {
        await db.close();
      }
    });
  }
});
