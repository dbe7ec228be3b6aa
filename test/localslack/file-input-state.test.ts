import { describe, expect, it } from "vitest";
import { elementState } from "../../src/localslack/driver/view-state.ts";

describe("a file_input's state in the local Slack", () => {
  const el = { type: "file_input", action_id: "f" };

  it("each typed file is one file object with its name, size and permalink", () => {
    const state = elementState(el, ["roof.jpg:2048", "scan.pdf"]) as {
      files: { id: string; name: string; size: number; filetype: string; permalink: string }[];
    };
    expect(state.files.map((f) => [f.name, f.size, f.filetype])).toEqual([
      ["roof.jpg", 2048, "jpg"],
      ["scan.pdf", 1024, "pdf"],
    ]);
    expect(state.files[0]?.permalink).toContain(`/${state.files[0]?.id}/roof.jpg`);
  });

  it("nothing typed, or an empty value from the sandbox's page, uploads nothing", () => {
    expect(elementState(el, undefined)).toEqual({ type: "file_input", files: [] });
    expect(elementState(el, "")).toEqual({ type: "file_input", files: [] });
  });
});
