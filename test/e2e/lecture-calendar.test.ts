/**
 * The lecture hall's calendar feeds and `/pbb lectures`, through the running bot: the secret
 * URLs it hands out, what they serve, revocation, and the history an admin corrects.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command-context.ts";
import { runProgram } from "../../src/cli/program.ts";
import { applyOrgText } from "../../src/services/org/apply-org.ts";
import { offlineResolver, slackResolver } from "../../src/services/org/resolver.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { orgText, parseIcs, runJob, settled } from "../services/lecture/helpers.ts";

const URL_RE = /http:\/\/127\.0\.0\.1:(\d+)\/calendar\/lectures\/([A-Za-z0-9_-]+)\.ics/g;

describe.each(STORES)("lecture calendar feeds and /pbb lectures (%s)", (store) => {
  const bot = useTestBot({
    store,
    orgText: orgText(),
    now: "2026-12-21T08:00:00Z",
    extraUsers: ["U0OUT"],
    setUp: async (t) => {
      for (const at of ["2026-12-07T16:00", "2026-12-14T16:00", "2026-12-21T16:00"])
        expect((await runJob(t.db, "lecture-notice", at)).status).toBe("ran");
      await settled(t);
    },
  });
  let urls: string[];

  async function command(user: string, text: string): Promise<string> {
    const before = bot().emulator.calls.of("response_url").length;
    await bot().slack.as(user).slashCommand("/pbb", text, { channel: "C0LECTURE" });
    const answer = await bot().emulator.calls.waitFor("response_url", {
      count: before + 1,
      timeoutMs: 20_000,
    });
    expect(answer.args.response_type ?? "ephemeral").toBe("ephemeral");
    return JSON.stringify(answer.args);
  }

  it("hands out a personal and a whole-schedule URL on the bot's address", async () => {
    const t = bot();
    const answer = await command("U0A", "lectures calendar");
    urls = [...answer.matchAll(URL_RE)].map((m) => m[0]);
    expect(urls).toHaveLength(2);
    for (const m of answer.matchAll(URL_RE)) {
      expect(Number(m[1])).toBe(t.bot.port);
      expect(m[2]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    // Shown once: only hashes are stored, so asking again says so instead.
    const again = await command("U0A", "lectures calendar");
    expect(again).toContain("You already have your calendar links");
    expect(again.match(URL_RE)).toBeNull();
    const stored = await t.db.prisma.calendarToken.findMany({ where: { userId: "U0A" } });
    const secrets = urls.map((u) => /([A-Za-z0-9_-]{43})\.ics$/.exec(u)?.[1]);
    expect(stored.map((s) => s.tokenHash)).toEqual(
      secrets.map((s) => createHash("sha256").update(s!).digest("hex")),
    );
    expect(JSON.stringify(stored)).not.toContain(secrets[0]);
  });

  it("refuses links to someone neither on the roster nor on the committee", async () => {
    const t = bot();
    const answer = await command("U0OUT", "lectures calendar");
    expect(answer).toContain("calendar links are for people on the lecture-hall roster");
    expect(answer.match(URL_RE)).toBeNull();
    expect(await t.db.prisma.calendarToken.count({ where: { userId: "U0OUT" } })).toBe(0);
  });

  it("serves the whole schedule as iCalendar with the right dates and speakers", async () => {
    const t = bot();
    const res = await fetch(urls[1]!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const { calendar, events } = parseIcs(await res.text());
    expect(calendar["X-WR-CALNAME"]).toBe("Lecture hall");
    const names = await t.db.prisma.person.findMany();
    const nameOf = (u: string) => names.find((p) => p.slackUserId === u)?.name ?? u;
    const stored = events.filter((e) => e.SUMMARY !== "Lecture hall: speaker to be assigned");
    expect(stored.map((e) => [e.DTSTART, e.SUMMARY, e.LOCATION])).toEqual([
      ["20261209T080000Z", `Lecture hall: ${nameOf("U0A")}`, "Room 301"],
      ["20261216T080000Z", `Lecture hall: ${nameOf("U0B")}`, "Room 301"],
      ["20261223T080000Z", `Lecture hall: ${nameOf("U0C")}`, "Room 301"],
    ]);
    expect(events.length).toBeGreaterThan(3);
    expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
  });

  it("serves a person's feed with only their turns", async () => {
    const _t = bot();
    const { calendar, events } = parseIcs(await (await fetch(urls[0]!)).text());
    expect(calendar["X-WR-CALNAME"]).toBe("Lecture hall: my turns");
    expect(events.map((e) => e.DTSTART)).toEqual(["20261209T080000Z"]);
  });

  it("revokes a person's URLs: the old ones get 404, the new ones work", async () => {
    const t = bot();
    const answer = await command("U0A", "lectures calendar revoke");
    const fresh = [...answer.matchAll(URL_RE)].map((m) => m[0]);
    expect(fresh).toHaveLength(2);
    expect(fresh).not.toContain(urls[0]);
    expect((await fetch(urls[0]!)).status).toBe(404);
    expect((await fetch(urls[1]!)).status).toBe(404);
    for (const url of fresh) expect((await fetch(url)).status).toBe(200);
    const unknown = `http://127.0.0.1:${t.bot.port}/calendar/lectures/${"x".repeat(43)}.ics`;
    expect((await fetch(unknown)).status).toBe(404);
    const tokens = await t.db.prisma.calendarToken.findMany({
      where: { userId: "U0A" },
      orderBy: { id: "asc" },
    });
    expect(tokens.map((k) => k.revokedAt !== null)).toEqual([true, true, false, false]);
    urls = fresh;
  });

  it("an admin rotates the whole-schedule links: the old ones stop working, personal ones stay", async () => {
    const _t = bot();
    const refused = await command("U0B", "lectures calendar rotate");
    expect(refused).toContain("Only system admins");
    expect((await fetch(urls[1]!)).status).toBe(200);
    const rotated = await command("U0CHAIR", "lectures calendar rotate");
    expect(rotated).toContain("All whole-schedule calendar links were revoked (1)");
    expect((await fetch(urls[1]!)).status).toBe(404);
    expect((await fetch(urls[0]!)).status).toBe(200);
    const renewed = await command("U0A", "lectures calendar");
    const [schedule] = [...renewed.matchAll(URL_RE)].map((m) => m[0]);
    expect(renewed).toContain("whole-schedule calendar links were renewed");
    expect(schedule).not.toBe(urls[1]);
    expect((await fetch(schedule!)).status).toBe(200);
  });

  it("counts sessions as held unless an admin records one as not held", async () => {
    const t = bot();
    t.clock.set("2026-12-24T08:00:00Z");
    const before = await command("U0A", "lectures");
    expect(before).toContain("Sessions held: 3");
    expect(await command("U0A", "lectures not-held 2026-12-09")).toContain("only system admins");
    expect(await command("U0CHAIR", "lectures not-held 2026-12-09")).toContain("was not held");
    const after = await command("U0B", "lectures");
    expect(after).toContain("Sessions held: 2");
    expect(after).toContain("Speakers so far: 2");
    expect(after).toContain("<@U0B>: 1 turn");
    expect(after).not.toContain("<@U0A>: 1 turn");
    const audit = await t.db.prisma.auditLog.findMany({ where: { action: "lecture.not-held" } });
    expect(audit.map((a) => a.actor)).toEqual(["U0CHAIR"]);
  });

  it("pbb calendar rotate revokes the whole-schedule links from the command line", async () => {
    const t = bot();
    const renewed = await command("U0B", "lectures calendar");
    const [personal, schedule] = [...renewed.matchAll(URL_RE)].map((m) => m[0]);
    expect((await fetch(schedule!)).status).toBe(200);
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    const ctx: CommandContext = {
      db: t.db,
      io,
      cwd: process.cwd(),
      resolver: offlineResolver,
      insideBot: false,
      now: () => new Date("2026-12-24T09:00:00Z"),
      client: null,
    };
    const code = await runProgram(["calendar", "rotate"], io, async () => ({
      ctx,
      release: async () => {},
    }));
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/revoked [1-9]\d* whole-schedule calendar link/);
    expect((await fetch(schedule!)).status).toBe(404);
    expect((await fetch(personal!)).status).toBe(200);
    const audit = await t.db.prisma.auditLog.findMany({
      where: { action: "lecture.calendar.rotate" },
    });
    expect(audit.map((a) => a.actor)).toEqual(["U0CHAIR", "operator"]);
  });

  it("when a person leaves the roster, they get no URL and their links stop working", async () => {
    const t = bot();
    const answer = await command("U0C", "lectures calendar");
    const own = [...answer.matchAll(URL_RE)].map((m) => m[0]);
    expect(own).toHaveLength(2);
    for (const url of own) expect((await fetch(url)).status).toBe(200);
    const applied = await applyOrgText(
      t.db,
      slackResolver(t.bot.ctx.client),
      orgText({ roster: ["U0A", "U0B"] }),
      "org.yml",
      { actor: "test", source: "test" },
    );
    expect(applied.status).not.toBe("invalid");
    const after = await command("U0C", "lectures calendar revoke");
    expect(after).toContain("calendar links are for people on the lecture-hall roster");
    expect(after.match(URL_RE)).toBeNull();
    for (const url of own) expect((await fetch(url)).status).toBe(404);
  });
});
