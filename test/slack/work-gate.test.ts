import { describe, expect, it } from "vitest";
import { nextWorkLimit, WorkGate } from "../../src/slack/work-gate.ts";

const limits = { min: 1, max: 8 };

describe("the work gate's limit", () => {
  it("halves while the event loop is busy, never below the minimum", () => {
    expect(nextWorkLimit(8, 0.95, true, limits)).toBe(4);
    expect(nextWorkLimit(3, 0.99, false, limits)).toBe(1);
    expect(nextWorkLimit(1, 1, true, limits)).toBe(1);
  });

  it("grows by one while the loop has time to spare and work waited, up to the maximum", () => {
    expect(nextWorkLimit(2, 0.3, true, limits)).toBe(3);
    expect(nextWorkLimit(8, 0.1, true, limits)).toBe(8);
  });

  it("stays put with nothing waiting, or between the two thresholds", () => {
    expect(nextWorkLimit(2, 0.1, false, limits)).toBe(2);
    expect(nextWorkLimit(2, 0.7, true, limits)).toBe(2);
  });
});

describe("the work gate", () => {
  /** Acquires for `name`, recording when it was let in. */
  const enter = (gate: WorkGate, started: string[], name: string) =>
    gate.acquire().then(() => {
      started.push(name);
    });
  const turn = () => new Promise((r) => setImmediate(r));

  it("lets in as many as its limit at once, and the rest in order of arrival", async () => {
    const gate = new WorkGate(2);
    const started: string[] = [];
    for (const name of ["a", "b", "c", "d", "e"]) void enter(gate, started, name);
    await turn();
    expect(started).toEqual(["a", "b"]);
    expect([gate.active, gate.backlog]).toEqual([2, 3]);
    gate.release();
    await turn();
    expect(started).toEqual(["a", "b", "c"]);
    gate.release();
    gate.release();
    await turn();
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    expect([gate.active, gate.backlog]).toEqual([2, 0]);
    gate.release();
    gate.release();
    expect(gate.active).toBe(0);
  });

  it("after a busy interval lets in fewer, after a spare one more", async () => {
    const gate = new WorkGate(4, { min: 1, max: 8 });
    const started: string[] = [];
    for (const name of ["a", "b", "c", "d", "e", "f"]) void enter(gate, started, name);
    await turn();
    expect(started).toEqual(["a", "b", "c", "d"]);

    gate.adjust(0.97); // busy: the limit halves to 2, so two releases start nothing new
    expect(gate.concurrency).toBe(2);
    gate.release();
    gate.release();
    await turn();
    expect(started).toHaveLength(4);
    expect(gate.active).toBe(2);

    gate.adjust(0.2); // spare, and work waited: the limit grows, and the next one starts at once
    await turn();
    expect(gate.concurrency).toBe(3);
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    expect([gate.active, gate.backlog]).toEqual([3, 1]);
  });

  it("refuses limits it cannot keep", () => {
    expect(() => new WorkGate(0)).toThrow(/1 <= min <= max/);
    expect(() => new WorkGate(2, { min: 3, max: 2 })).toThrow(/1 <= min <= max/);
  });
});
