import { describe, expect, it } from "vitest";
import { shapeDiff } from "./shape.ts";

describe("shapeDiff (documented example vs actual value)", () => {
  it("names a missing field and a field of another type, recursively and in arrays", () => {
    const documented = { ok: true, channel: { id: "C1", created: 1 }, list: [{ ts: "1.2" }] };
    const actual = { ok: true, channel: { created: "1" }, list: [{ ts: "1.2" }, { ts: 3 }] };
    expect(shapeDiff(documented, actual)).toEqual([
      "channel.id: missing",
      "channel.created: string, documented number",
      "list[1].ts: number, documented string",
    ]);
  });

  it("allows extra fields, documented nulls of any type, and content paths of any shape", () => {
    const documented = {
      view: { close: null, blocks: [{ type: "input" }], state: { values: [] } },
    };
    const actual = {
      view: { close: { type: "plain_text" }, blocks: "x", state: { values: {} }, extra: 1 },
    };
    expect(shapeDiff(documented, actual, ["view.blocks", "view.state.values"])).toEqual([]);
    expect(shapeDiff(documented, { view: { blocks: [] } }, ["view.blocks"])).toEqual([
      "view.close: missing",
      "view.state: missing",
    ]);
  });
});
