import { describe, expect, it } from "vitest";
import { processInLanes } from "../../../src/services/outbox/worker.ts";

interface Row {
  id: number;
  payload: { channel?: string; user?: string };
  afterKey: string | null;
}

const row = (id: number, payload: Row["payload"], afterKey: string | null = null): Row => ({
  id,
  payload,
  afterKey,
});

/** Runs the batch with a send that yields to the event loop, recording starts and ends. */
async function run(batch: Row[], lanes: number) {
  const events: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  await processInLanes(batch, lanes, async (d) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    events.push(`start ${d.id}`);
    await new Promise((r) => setTimeout(r, 5));
    events.push(`end ${d.id}`);
    inFlight -= 1;
  });
  return { events, maxInFlight };
}

describe("processing a claimed batch in lanes", () => {
  it("overlaps deliveries to different conversations, up to the number of lanes", async () => {
    const batch = [1, 2, 3, 4, 5, 6].map((i) => row(i, { channel: `C${i}` }));
    const { events, maxInFlight } = await run(batch, 4);
    expect(maxInFlight).toBe(4);
    expect(events.filter((e) => e.startsWith("end"))).toHaveLength(6);
    // The first four start before any ends; the fifth waits for a free lane.
    expect(events.slice(0, 4)).toEqual(["start 1", "start 2", "start 3", "start 4"]);
  });

  it("keeps one conversation's deliveries in their claimed order, one at a time", async () => {
    const batch = [
      row(1, { channel: "C1" }),
      row(2, { user: "U1" }),
      row(3, { channel: "C1" }),
      row(4, {}, "reminder:7"),
      row(5, { user: "U1" }),
      row(6, {}, "reminder:7"),
      row(7, { channel: "C1" }),
    ];
    const { events } = await run(batch, 4);
    const order = (ids: number[]) => events.filter((e) => ids.some((id) => e.endsWith(` ${id}`)));
    // Never two of one conversation at once: each ends before the next starts.
    expect(order([1, 3, 7])).toEqual(["start 1", "end 1", "start 3", "end 3", "start 7", "end 7"]);
    expect(order([2, 5])).toEqual(["start 2", "end 2", "start 5", "end 5"]);
    expect(order([4, 6])).toEqual(["start 4", "end 4", "start 6", "end 6"]);
  });

  it("with one lane, is the claimed order exactly", async () => {
    const batch = [row(3, { channel: "C1" }), row(1, { channel: "C2" }), row(2, {})];
    const { events, maxInFlight } = await run(batch, 1);
    expect(maxInFlight).toBe(1);
    expect(events).toEqual(["start 3", "end 3", "start 1", "end 1", "start 2", "end 2"]);
  });
});
