import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackEmulator } from "../../src/localslack/index.ts";
import { api, startEmulator } from "./helpers.ts";

const modal = (title: string) => ({
  type: "modal",
  title: { type: "plain_text", text: title },
  blocks: [{ type: "section", text: { type: "mrkdwn", text: title } }],
});

describe("views: trigger_id rules, the 3-view stack, hash", () => {
  let emulator: SlackEmulator;
  let now = 1_795_852_800_000;

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => now });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it("a trigger_id is single use: exchanged_trigger_id on the second views.open", async () => {
    const trigger_id = emulator.mintTriggerId("U0SEC1");
    expect((await api(emulator, "views.open", { trigger_id, view: modal("One") })).body.ok).toBe(
      true,
    );
    expect((await api(emulator, "views.open", { trigger_id, view: modal("One") })).body.error).toBe(
      "exchanged_trigger_id",
    );
  });

  it("a trigger_id expires after 3 seconds (injected clock)", async () => {
    const trigger_id = emulator.mintTriggerId("U0SEC1");
    now += 3001;
    expect(
      (await api(emulator, "views.open", { trigger_id, view: modal("Late") })).body.error,
    ).toBe("expired_trigger_id");
  });

  it("an unknown or malformed trigger_id is invalid_trigger_id", async () => {
    expect(
      (await api(emulator, "views.open", { trigger_id: "nope", view: modal("x") })).body.error,
    ).toBe("invalid_trigger_id");
    expect(
      (await api(emulator, "views.open", { trigger_id: "1.2.abcdef", view: modal("x") })).body
        .error,
    ).toBe("invalid_trigger_id");
  });

  it("views.push stacks up to 3 views, then push_limit_reached", async () => {
    await api(emulator, "views.open", {
      trigger_id: emulator.mintTriggerId("U0MEM1"),
      view: modal("1"),
    });
    await api(emulator, "views.push", {
      trigger_id: emulator.mintTriggerId("U0MEM1"),
      view: modal("2"),
    });
    const third = await api(emulator, "views.push", {
      trigger_id: emulator.mintTriggerId("U0MEM1"),
      view: modal("3"),
    });
    expect(third.body.ok).toBe(true);
    const fourth = await api(emulator, "views.push", {
      trigger_id: emulator.mintTriggerId("U0MEM1"),
      view: modal("4"),
    });
    expect(fourth.body.error).toBe("push_limit_reached");
    const stack = emulator.workspace.modalStack("U0MEM1");
    expect(stack.map((v) => v.title?.text)).toEqual(["1", "2", "3"]);
    expect(stack[2]?.root_view_id).toBe(stack[0]?.id);
    expect(stack[2]?.previous_view_id).toBe(stack[1]?.id);
  });

  it("views.update checks hash and changes it on every update (hash_conflict on a stale one)", async () => {
    const opened = await api(emulator, "views.open", {
      trigger_id: emulator.mintTriggerId("U0SEC1"),
      view: modal("A"),
    });
    const view = opened.body.view as { id: string; hash: string };
    const first = await api(emulator, "views.update", {
      view_id: view.id,
      hash: view.hash,
      view: modal("B"),
    });
    expect(first.body.ok).toBe(true);
    const newHash = (first.body.view as { hash: string }).hash;
    expect(newHash).not.toBe(view.hash);
    const stale = await api(emulator, "views.update", {
      view_id: view.id,
      hash: view.hash,
      view: modal("C"),
    });
    expect(stale.body.error).toBe("hash_conflict");
    expect(
      (await api(emulator, "views.update", { view_id: "V0NOPE", view: modal("C") })).body.error,
    ).toBe("not_found");
  });

  it("views.publish keeps one Home per user and honours hash", async () => {
    const home = { type: "home", blocks: [{ type: "divider" }] };
    const first = await api(emulator, "views.publish", { user_id: "U0SEC1", view: home });
    const hash = (first.body.view as { hash: string }).hash;
    await api(emulator, "views.publish", { user_id: "U0SEC1", view: home, hash });
    expect(
      (await api(emulator, "views.publish", { user_id: "U0SEC1", view: home, hash })).body.error,
    ).toBe("hash_conflict");
    expect(
      (await api(emulator, "views.publish", { user_id: "U0NOPE", view: home })).body.error,
    ).toBe("user_not_found");
  });
});

describe("response_url", () => {
  let emulator: SlackEmulator;
  let now = 1_795_852_800_000;

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => now });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  it("creates ephemerals, replaces and deletes the source message", async () => {
    const msg = emulator.workspace.addMessage({
      channel: "C0RESETTLE",
      user: "U0BOT",
      bot_id: "B0BOT",
      text: "original",
    });
    const url = emulator.mintResponseUrl({
      channel: "C0RESETTLE",
      user: "U0SEC1",
      messageTs: msg.ts,
    });

    expect((await post(url, { text: "just for you" })).status).toBe(200);
    expect(emulator.workspace.ephemeralsFor("U0SEC1").at(-1)?.text).toBe("just for you");
    await post(url, { replace_original: true, text: "replaced" });
    expect(emulator.workspace.message("C0RESETTLE", msg.ts)?.text).toBe("replaced");
    await post(url, { delete_original: true });
    expect(emulator.workspace.message("C0RESETTLE", msg.ts)).toBeUndefined();
  });

  it("allows 5 uses, then used_url; expires after 30 minutes", async () => {
    const url = emulator.mintResponseUrl({ channel: "C0RESETTLE", user: "U0SEC1" });
    for (let i = 0; i < 5; i++) expect((await post(url, { text: `r${i}` })).status).toBe(200);
    const sixth = await post(url, { text: "r6" });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toMatchObject({ error: "used_url" });

    const late = emulator.mintResponseUrl({ channel: "C0RESETTLE", user: "U0SEC1" });
    now += 30 * 60 * 1000 + 1;
    expect(await (await post(late, { text: "late" })).json()).toMatchObject({
      error: "expired_url",
    });
  });
});
