import { describe, expect, it } from "vitest";
import { elementState } from "../../src/localslack/driver/view-state.ts";
import { createDriver, createSlackEmulator, type ViewRecord } from "../../src/localslack/index.ts";

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

describe("a file the person uploaded (the sandbox's file picker)", () => {
  it("is submitted as Slack's file object with its real size, type and name; others' are not", () => {
    const emulator = createSlackEmulator({ users: [{ id: "U0A" }, { id: "U0B" }] });
    const ws = emulator.workspace;
    const driver = createDriver({ emulator });
    const view: ViewRecord = {
      id: "V0FILES",
      type: "modal",
      user: "U0A",
      callback_id: "files",
      blocks: [{ type: "input", block_id: "b", element: { type: "file_input", action_id: "f" } }],
      private_metadata: "",
      external_id: "",
      hash: "h",
      notify_on_close: false,
      clear_on_close: false,
      root_view_id: "V0FILES",
      previous_view_id: null,
      state: { values: {} },
    };
    ws.modalStacks.set("U0A", [view]);
    const bytes = Buffer.from("%PDF-1.4\n".repeat(300));
    const mine = driver
      .as("U0A")
      .uploadFile({ name: "visit.pdf", bytes, mimetype: "application/pdf" });
    const theirs = driver.as("U0B").uploadFile({ name: "x.pdf", bytes });
    expect(ws.files.get(mine)?.bytes).toEqual(bytes);

    const state = driver.as("U0A").fill({ "b.f": [mine, theirs] }).state.values.b?.f as {
      files: Record<string, unknown>[];
    };
    expect(state.files[0]).toMatchObject({
      id: mine,
      name: "visit.pdf",
      size: 2700,
      mimetype: "application/pdf",
      filetype: "pdf",
    });
    expect(String(state.files[0]?.permalink)).toContain(`/${mine}/visit.pdf`);
    // Another person's file id is only a name here: a new 1 KB file, not their bytes.
    expect(state.files[1]).toMatchObject({ name: theirs, size: 1024 });
    expect(state.files[1]?.id).not.toBe(theirs);
  });
});
