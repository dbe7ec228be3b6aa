import { describe, expect, it } from "vitest";
import { CallLog } from "../../src/localslack/emulator/calls.ts";

const call = (n: number) => ({
  method: n % 2 ? "chat.update" : "chat.postMessage",
  args: { n },
  status: 200,
  response: { ok: true },
  time: n,
});

describe("the emulator's call log", () => {
  it("keeps every call by default", () => {
    const log = new CallLog();
    for (let n = 0; n < 1000; n++) log.record(call(n));
    expect(log.count()).toBe(1000);
    expect(log.total).toBe(1000);
  });

  it("with keepLast, keeps at least the latest calls, in order, and still counts them all", () => {
    const log = new CallLog(100);
    for (let n = 0; n < 1000; n++) log.record(call(n));
    const kept = log.all().map((c) => c.args.n as number);
    expect(log.total).toBe(1000);
    expect(kept.length).toBeGreaterThanOrEqual(100);
    expect(kept.length).toBeLessThanOrEqual(125);
    expect(kept.at(-1)).toBe(999);
    expect(kept).toEqual(kept.map((_, i) => 1000 - kept.length + i));
    log.clear();
    expect([log.count(), log.total]).toEqual([0, 0]);
  });
});
