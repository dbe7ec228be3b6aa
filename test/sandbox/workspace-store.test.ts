import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseOrgFile } from "../../src/config/org-file.ts";
import { createSlackEmulator } from "../../src/localslack/index.ts";
import { createBusinessClock } from "../../src/sandbox/clock.ts";
import { demoChannels, demoOrgYaml, demoUsers } from "../../src/sandbox/demo-org.ts";
import {
  latestMessageMs,
  loadSnapshot,
  restoreInto,
  snapshotOf,
  startAutosave,
} from "../../src/sandbox/workspace-store.ts";

describe("the sandbox workspace file", () => {
  it("restores people, channels, messages, threads and Home tabs; new ids do not collide", async () => {
    const now = () => Date.parse("2026-12-01T01:00:00Z");
    const a = createSlackEmulator({ users: demoUsers(), channels: demoChannels(), now });
    const ws = a.workspace;
    const dm = ws.dmWith("U0SEC1");
    const root = ws.addMessage({ channel: "C0RESETTLE", user: ws.bot.userId, text: "提醒" });
    ws.addMessage({ channel: "C0RESETTLE", user: "U0SEC1", text: "收到", thread_ts: root.ts });
    ws.addMessage({ channel: dm.id, user: ws.bot.userId, text: "私信" });
    ws.homeViews.set("U0SEC1", {
      id: ws.newId("V"),
      type: "home",
      user: "U0SEC1",
      callback_id: "",
      blocks: [],
      private_metadata: "",
      external_id: "",
      hash: "h",
      notify_on_close: false,
      clear_on_close: false,
      root_view_id: "",
      previous_view_id: null,
      state: { values: {} },
    });
    ws.addEphemeral({
      channel: "C0RESETTLE",
      user: "U0SEC1",
      text: "临时",
      source: "chat.postEphemeral",
    });

    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "pbb-ws-")), "ws.json");
    const save = startAutosave(file, () => snapshotOf(ws, 42_000));
    await save.stop();
    const loaded = await loadSnapshot(file);
    if (loaded.status !== "loaded") throw new Error(loaded.status);
    expect(loaded.snapshot.clockOffsetMs).toBe(42_000);
    expect(Math.floor(latestMessageMs(loaded.snapshot))).toBe(now()); // ts 1796086800.000200

    const b = createSlackEmulator({ now });
    restoreInto(b.workspace, loaded.snapshot);
    const wb = b.workspace;
    expect(wb.user("U0SEC1")?.real_name).toBe("王志强");
    expect(wb.channel("committee")?.members.has("U0CHAIR")).toBe(true);
    expect(wb.message("C0RESETTLE", root.ts)?.replies).toHaveLength(1);
    expect(wb.history(dm.id).map((m) => m.text)).toEqual(["私信"]);
    expect(wb.homeViews.get("U0SEC1")?.hash).toBe("h");
    expect(wb.ephemerals).toEqual([]); // like Slack after a reload
    const other = wb.dmWith("U0CHAIR");
    expect(other.id).not.toBe(dm.id);
    expect(wb.dmWith("U0SEC1").id).toBe(dm.id);
  });

  it("keeps an unreadable file aside and reports it", async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "pbb-ws-")), "ws.json");
    await writeFile(file, "{ not json");
    const loaded = await loadSnapshot(file);
    expect(loaded.status).toBe("unreadable");
    if (loaded.status === "unreadable") {
      expect(await readFile(loaded.movedTo, "utf8")).toBe("{ not json");
    }
    expect((await loadSnapshot(file)).status).toBe("missing");
  });
});

describe("the business clock", () => {
  it("runs with the wall clock from its offset and only moves forward", () => {
    let wall = 1_000_000;
    const clock = createBusinessClock(500, () => wall);
    expect(clock.nowMs()).toBe(1_000_500);
    wall += 100;
    expect(clock.nowMs()).toBe(1_000_600);
    clock.advanceTo(new Date(2_000_000));
    expect(clock.nowMs()).toBe(2_000_000);
    clock.advanceTo(new Date(10));
    expect(clock.nowMs()).toBe(2_000_000);
    expect(clock.offsetMs()).toBe(2_000_000 - wall);
  });
});

describe("the demo organisation", () => {
  it("is a valid org file naming the seeded people and channels", () => {
    const parsed = parseOrgFile(demoOrgYaml(), "sandbox-org.yml");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const org = parsed.org;
    expect(org.committee.members).toHaveLength(2);
    expect(org.branches).toHaveLength(4);
    const emails = new Set(demoUsers().map((u) => u.email));
    expect(emails.size).toBe(12);
    const named = [
      ...org.committee.members,
      ...org.branches.flatMap((b) => [...b.secretaries, ...b.members]),
    ];
    for (const e of named) expect(emails.has(e)).toBe(true);
    const channels = new Set(demoChannels().map((c) => `#${c.name}`));
    for (const c of [org.committee.channel, ...org.branches.map((b) => b.channel)]) {
      expect(channels.has(c)).toBe(true);
    }
    expect(org.lectureHall?.roster.length).toBe(12);
  });
});
