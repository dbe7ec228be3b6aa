import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command-context.ts";
import { runProgram } from "../../src/cli/program.ts";
import { parseOrgFile, serializeOrg } from "../../src/config/org-file.ts";
import type { Database } from "../../src/db/client.ts";
import { offlineResolver } from "../../src/services/org/resolver.ts";
import { createTestDatabase, STORES } from "../helpers/database.ts";

const root = path.resolve(import.meta.dirname, "../..");
const example = path.join(root, "examples/org.yml");
const brokenDir = path.join(root, "test/fixtures/org/broken");

async function pbb(db: Database, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const ctx: CommandContext = {
    db,
    io,
    cwd: root,
    resolver: offlineResolver,
    insideBot: false,
    now: () => new Date("2026-11-28T00:00:00Z"),
    client: null,
  };
  const code = await runProgram(argv, io, async () => ({ ctx, release: async () => {} }));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Writes an org file under test-artifacts/ for `org apply`; resolves with its path. */
async function writeArtifact(name: string, text: string): Promise<string> {
  const file = path.join(root, "test-artifacts", name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

/** Everything `org apply` may touch, to prove a refused file changed nothing. */
async function snapshot(db: Database) {
  const [organization, people, branches, roles, committee, audit] = await Promise.all([
    db.prisma.organization.findMany(),
    db.prisma.person.findMany({ orderBy: { id: "asc" } }),
    db.prisma.branch.findMany({ orderBy: { id: "asc" } }),
    db.prisma.branchRole.findMany({ orderBy: { id: "asc" } }),
    db.prisma.committeeRole.findMany({ orderBy: { id: "asc" } }),
    db.prisma.auditLog.count(),
  ]);
  return { organization, people, branches, roles, committee, audit };
}

describe.each(STORES)("pbb org on %s", (store) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(store);
  });
  afterAll(async () => {
    await db.close();
  });

  it("when the example file is applied, org show prints the same configuration back", async () => {
    const applied = await pbb(db, "org", "apply", "examples/org.yml");
    expect(applied.err).toBe("");
    expect(applied.code).toBe(0);
    expect(applied.out).toContain("branch resettlement: added");

    const shown = await pbb(db, "org", "show");
    expect(shown.code).toBe(0);
    const reparsed = parseOrgFile(shown.out, "shown.yml");
    const original = parseOrgFile(await readFile(example, "utf8"), "org.yml");
    expect(reparsed.ok && original.ok).toBe(true);
    if (reparsed.ok && original.ok) expect(reparsed.org).toEqual(original.org);
  });

  it("when the same file is applied twice, the second time changes nothing", async () => {
    const before = await snapshot(db);
    const again = await pbb(db, "org", "apply", "examples/org.yml");
    expect(again.code).toBe(0);
    expect(again.out).toContain("nothing changed");
    expect(await snapshot(db)).toEqual(before);
  });

  it("when a branch is removed from the file, it is deactivated and keeps its history", async () => {
    const text = await readFile(example, "utf8");
    const parsed = parseOrgFile(text, "org.yml");
    if (!parsed.ok) throw new Error("example must parse");
    const branch = await db.prisma.branch.findUniqueOrThrow({ where: { key: "rights" } });
    await db.prisma.taskList.create({ data: { branchId: branch.id, period: "2026-11" } });
    const without = {
      ...parsed.org,
      branches: parsed.org.branches.filter((b) => b.key !== "rights"),
    };
    const file = await writeArtifact(`org-without-rights-${store}.yml`, serializeOrg(without));

    const result = await pbb(db, "org", "apply", file);
    expect(result.code).toBe(0);
    expect(result.out).toContain("branch rights: deactivated");
    const after = await db.prisma.branch.findUniqueOrThrow({
      where: { key: "rights" },
      include: { taskLists: true },
    });
    expect(after.active).toBe(false);
    expect(after.taskLists).toHaveLength(1);
    expect((await pbb(db, "org", "show")).out).not.toContain("key: rights");

    // Applying the full file again brings it back.
    expect((await pbb(db, "org", "apply", "examples/org.yml")).out).toContain(
      "branch rights: reactivated",
    );
  });

  it("when people change places in a branch, exactly those roles are removed and added", async () => {
    const parsed = parseOrgFile(await readFile(example, "utf8"), "org.yml");
    if (!parsed.ok) throw new Error("example must parse");
    const [first, ...rest] = parsed.org.branches;
    if (!first || first.members.length === 0)
      throw new Error("the example's first branch has members");
    const [member, ...others] = first.members;
    const secretary = first.secretaries[0]!;
    // The member becomes the secretary; the secretary becomes a member.
    const swapped = {
      ...parsed.org,
      branches: [{ ...first, secretaries: [member!], members: [...others, secretary] }, ...rest],
    };
    const file = await writeArtifact(`org-swapped-${store}.yml`, serializeOrg(swapped));
    const result = await pbb(db, "org", "apply", file);
    expect(result.code).toBe(0);
    const lines = result.out.split("\n").filter((l) => l.includes(`branch ${first.key} `));
    expect(lines.map((l) => l.trim()).sort()).toEqual(
      [
        `branch ${first.key} member ${member}: removed`,
        `branch ${first.key} member ${secretary}: added`,
        `branch ${first.key} secretary ${member}: added`,
        `branch ${first.key} secretary ${secretary}: removed`,
      ].sort(),
    );
    const roles = await db.prisma.branchRole.findMany({
      where: { branch: { key: first.key } },
      include: { person: true },
    });
    expect(roles.map((r) => `${r.role} ${r.person.slackUserId}`).sort()).toEqual(
      [`SECRETARY ${member}`, ...others.map((u) => `MEMBER ${u}`), `MEMBER ${secretary}`].sort(),
    );
    expect((await pbb(db, "org", "apply", "examples/org.yml")).code).toBe(0);
  });

  it("applies an org of a thousand branches in one go, and again with nothing changed", async () => {
    const parsed = parseOrgFile(await readFile(example, "utf8"), "org.yml");
    if (!parsed.ok) throw new Error("example must parse");
    const pad = (n: number) => String(n).padStart(4, "0");
    const large = {
      ...parsed.org,
      branches: Array.from({ length: 1000 }, (_, i) => ({
        key: `b${pad(i)}`,
        name: `Branch ${pad(i)}`,
        channel: `C9${pad(i)}`,
        secretaries: [`U8S${pad(i)}`],
        members: [`U8M${pad(i)}A`, `U8M${pad(i)}B`],
      })),
    };
    const file = await writeArtifact(`org-large-${store}.yml`, serializeOrg(large));
    const first = await pbb(db, "org", "apply", file);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(await db.prisma.branch.count({ where: { active: true } })).toBe(1000);
    expect(
      await db.prisma.branchRole.count({ where: { branch: { key: { startsWith: "b" } } } }),
    ).toBe(3000);
    const again = await pbb(db, "org", "apply", file);
    expect(again.out).toContain("nothing changed");
    expect((await pbb(db, "org", "apply", "examples/org.yml")).code).toBe(0);
  }, 120_000);

  it("when a broken file is applied, each gets its own clear error with path and line, and nothing changes", async () => {
    const files = (await readdir(brokenDir)).filter((f) => f.endsWith(".yml")).sort();
    expect(files.length).toBeGreaterThanOrEqual(10);
    const before = await snapshot(db);
    const messages = new Set<string>();
    for (const file of files) {
      const result = await pbb(db, "org", "apply", path.join("test/fixtures/org/broken", file));
      expect(result.code, file).toBe(1);
      // "<file>:<line>: <path>: <message>" then the refusal line.
      expect(result.err, file).toMatch(new RegExp(`${file.replace(".", "\\.")}:\\d+: `));
      expect(result.err, file).toContain("not applied; nothing was changed");
      messages.add(result.err.split("\n")[0]!.replace(/^.*?:\d+: /, ""));
    }
    expect(messages.size).toBe(files.length);
    expect(await snapshot(db)).toEqual(before);
  });

  it("when a file names a channel by #name without Slack, apply says to give the id and changes nothing", async () => {
    const before = await snapshot(db);
    const text = (await readFile(example, "utf8")).replace(
      "channel: C0RIGHTS",
      'channel: "#rights"',
    );
    const file = await writeArtifact(`org-hash-name-${store}.yml`, text);
    const result = await pbb(db, "org", "apply", file);
    expect(result.code).toBe(1);
    const line = text.split("\n").findIndex((l) => l.includes('channel: "#rights"')) + 1;
    expect(result.err).toContain(
      `${file}:${line}: branches[2].channel: #rights can only be resolved through Slack`,
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
