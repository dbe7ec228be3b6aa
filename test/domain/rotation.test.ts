import { describe, expect, it } from "vitest";
import {
  assign,
  drop,
  explainNext,
  initialRotation,
  parseRotationState,
  type RotationState,
  swap,
  swapCandidates,
} from "../../src/domain/rotation.ts";

const weeks = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2026, 8, 2 + 7 * i));
    return d.toISOString().slice(0, 10);
  });

function run(
  roster: string[],
  dates: string[],
  options: { slots?: number; absent?: Record<string, string[]>; state?: RotationState } = {},
) {
  let state = options.state ?? initialRotation(roster);
  const out: string[][] = [];
  for (const date of dates) {
    const r = assign(state, {
      date,
      roster,
      slots: options.slots ?? 1,
      absent: new Set(options.absent?.[date] ?? []),
    });
    out.push(r.speakers);
    state = r.state;
  }
  return { speakers: out, state };
}

describe("rotation", () => {
  it("when a roster of three meets four weeks, then three different speakers, then the first again", () => {
    const { speakers } = run(["A", "B", "C"], weeks(4));
    expect(speakers).toEqual([["A"], ["B"], ["C"], ["A"]]);
  });

  it("when someone is away, then they are passed over and go first when back", () => {
    const [w1, w2, w3, w4, w5] = weeks(5) as [string, string, string, string, string];
    const r = run(["A", "B", "C", "D"], [w1, w2, w3, w4, w5], { absent: { [w1]: ["A"] } });
    expect(r.speakers).toEqual([["B"], ["A"], ["C"], ["D"], ["B"]]);
    const explained = assign(initialRotation(["A", "B", "C"]), {
      date: w1,
      roster: ["A", "B", "C"],
      slots: 1,
      absent: new Set(["A"]),
    });
    expect(explained.explanation.passedOver).toEqual(["A"]);
    expect(explainNext(explained.state, ["A", "B", "C"], 2)).toEqual([
      { userId: "A", reason: { kind: "back-from-absence", cycle: 1, since: w1 } },
      { userId: "C", reason: { kind: "in-order", cycle: 1, position: 3, size: 3 } },
    ]);
  });

  it("when someone is away across cycles, then they keep a single make-up turn", () => {
    const dates = weeks(8);
    const absent = Object.fromEntries(dates.slice(0, 5).map((d) => [d, ["C"]]));
    const r = run(["A", "B", "C"], dates, { absent });
    // C misses cycles 1 and 2 (cycle 3 begins without them on week 5). Back on week 6, C gets
    // one make-up turn first, then their turn of cycle 3: cycle 2's turn is not owed twice.
    expect(r.speakers.flat()).toEqual(["A", "B", "A", "B", "A", "C", "B", "C"]);
  });

  it("when someone comes back while the cycle they missed is still open, then they owe both turns", () => {
    const dates = weeks(7);
    const absent = Object.fromEntries(dates.slice(0, 4).map((d) => [d, ["C"]]));
    const r = run(["A", "B", "C"], dates, { absent });
    // Cycle 1 ended without C; cycle 2 is open when C returns: the make-up, then cycle 2's turn.
    expect(r.speakers.flat()).toEqual(["A", "B", "A", "B", "C", "C", "A"]);
  });

  it("when a speaker can't make it, then the next person takes the slot and they keep priority", () => {
    const [w1, w2, w3] = weeks(3) as [string, string, string];
    const roster = ["A", "B", "C", "D"];
    const first = assign(initialRotation(roster), { date: w1, roster, slots: 1 });
    expect(first.speakers).toEqual(["A"]);
    const dropped = drop(first.state, { date: w1, userId: "A", roster });
    expect(dropped.replacement).toBe("B");
    const reasons = explainNext(dropped.state, roster, 3);
    expect(reasons.map((p) => p.userId)).toEqual(["A", "C", "D"]);
    expect(reasons[0]?.reason).toEqual({ kind: "kept-priority", cycle: 1, since: w1 });
    const second = assign(dropped.state, { date: w2, roster, slots: 1 });
    expect(second.speakers).toEqual(["A"]);
    // A's kept turn was their turn of cycle 1: no second turn in the cycle.
    const third = run(roster, [w3, ...weeks(3).map((d) => `${d.slice(0, 3)}7${d.slice(4)}`)], {
      state: second.state,
    });
    expect(third.speakers.flat()).toEqual(["C", "D", "B", "A"]);
  });

  it("when the one who kept priority is away at the next session, then they keep it", () => {
    const [w1, w2, w3] = weeks(3) as [string, string, string];
    const roster = ["A", "B", "C"];
    const first = assign(initialRotation(roster), { date: w1, roster, slots: 1 });
    const dropped = drop(first.state, { date: w1, userId: "A", roster });
    const r = run(roster, [w2, w3], { state: dropped.state, absent: { [w2]: ["A"] } });
    expect(r.speakers).toEqual([["C"], ["A"]]);
  });

  it("when a speaker swaps with a colleague still waiting, then both turns move", () => {
    const [w1, w2, w3] = weeks(3) as [string, string, string];
    const roster = ["A", "B", "C", "D"];
    const first = assign(initialRotation(roster), { date: w1, roster, slots: 1 });
    expect(swapCandidates(first.state, roster, "A")).toEqual(["B", "C", "D"]);
    const swapped = swap(first.state, { date: w1, requester: "A", colleague: "C", roster });
    expect(swapped.ok && swapped.kind).toBe("queue");
    if (!swapped.ok) return;
    // C speaks on w1 in A's place; A takes C's place in the queue (third).
    const r = run(roster, [w2, w3, "2026-09-23"], { state: swapped.state });
    expect(r.speakers.flat()).toEqual(["B", "A", "D"]);
  });

  it("when both colleagues hold assigned turns, then the rotation is unchanged and the turns are exchanged", () => {
    const roster = ["A", "B", "C"];
    const [w1, w2] = weeks(2) as [string, string];
    const s1 = assign(initialRotation(roster), { date: w1, roster, slots: 1 });
    const s2 = assign(s1.state, { date: w2, roster, slots: 1 });
    const r = swap(s2.state, {
      date: w1,
      requester: "A",
      colleague: "B",
      roster,
      colleagueTurnDate: w2,
    });
    expect(r.ok && r.kind).toBe("turns");
    if (!r.ok) return;
    expect(r.state.spoken).toEqual(s2.state.spoken);
    expect(r.state.recent).toContainEqual({ date: w2, userId: "A", cycle: 1 });
    expect(swap(s2.state, { date: w1, requester: "A", colleague: "A", roster })).toEqual({
      ok: false,
      reason: "same-person",
    });
    expect(swap(s2.state, { date: w1, requester: "A", colleague: "B", roster })).toEqual({
      ok: false,
      reason: "colleague-already-spoke",
    });
  });

  it("when someone joins mid-cycle, then they speak at the end of the current cycle", () => {
    const dates = weeks(5);
    const first = run(["A", "B", "C"], dates.slice(0, 1));
    const r = run(["A", "B", "C", "N"], dates.slice(1), { state: first.state });
    expect(r.speakers.flat()).toEqual(["B", "C", "N", "A"]);
    expect(explainNext(first.state, ["A", "B", "C", "N"], 3)[2]).toEqual({
      userId: "N",
      reason: { kind: "joined", cycle: 1 },
    });
  });

  it("when someone leaves, then the others keep their order", () => {
    const dates = weeks(4);
    const first = run(["A", "B", "C", "D"], dates.slice(0, 1));
    const r = run(["A", "C", "D"], dates.slice(1), { state: first.state });
    expect(r.speakers.flat()).toEqual(["C", "D", "A"]);
  });

  it("when two speak per session, then nobody speaks twice before everyone has spoken", () => {
    const r = run(["A", "B", "C", "D", "E"], weeks(5), { slots: 2 });
    expect(r.speakers).toEqual([
      ["A", "B"],
      ["C", "D"],
      ["E", "A"],
      ["B", "C"],
      ["D", "E"],
    ]);
    const first = assign(initialRotation(["A", "B", "C"]), {
      date: "2026-09-02",
      roster: ["A", "B", "C"],
      slots: 2,
    });
    expect(explainNext(first.state, ["A", "B", "C"], 1)).toEqual([
      { userId: "C", reason: { kind: "in-order", cycle: 1, position: 3, size: 3 } },
    ]);
  });

  it("when fewer people are present than slots, then the session gets who is there", () => {
    const r = assign(initialRotation(["A", "B", "C"]), {
      date: "2026-09-02",
      roster: ["A", "B", "C"],
      slots: 2,
      absent: new Set(["A", "B"]),
    });
    expect(r.speakers).toEqual(["C"]);
    expect(r.explanation.unfilled).toBe(1);
  });

  it("explains the coming order with reasons, starting a new cycle when needed", () => {
    const r = run(["A", "B", "C"], weeks(3));
    expect(explainNext(r.state, ["A", "B", "C"], 2)).toEqual([
      { userId: "A", reason: { kind: "first-in-cycle", cycle: 2 } },
      { userId: "B", reason: { kind: "in-order", cycle: 2, position: 2, size: 3 } },
    ]);
  });

  it("is deterministic and its state survives a JSON round trip", () => {
    const roster = ["U3", "U1", "U2"];
    const a = run(roster, weeks(6), { absent: { "2026-09-09": ["U1"] } });
    const b = run(roster, weeks(6), { absent: { "2026-09-09": ["U1"] } });
    expect(a).toEqual(b);
    const stored = JSON.parse(JSON.stringify(a.state));
    expect(parseRotationState(stored, roster)).toEqual(a.state);
    expect(parseRotationState(null, roster)).toEqual(initialRotation(roster));
    expect(() => parseRotationState({ version: 2 }, roster)).toThrow();
  });
});
