/** `npm run db:migration -- <name>`: write the next migration from schema.prisma. */
import { writeNextMigration } from "../src/db/migrations.ts";

const name = process.argv[2];
if (!name) {
  console.error("usage: npm run db:migration -- <name>   (e.g. add_lecture_place)");
  process.exit(2);
}
const folder = await writeNextMigration(name);
console.log(
  folder
    ? `wrote ${folder}/migration.sql`
    : "schema.prisma and the migrations agree: nothing to write",
);
