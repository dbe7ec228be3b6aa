import { describe, expect, it } from "vitest";
import { MAX_ITEMS } from "../../../../src/domain/task-list-input.ts";
import { translator } from "../../../../src/i18n/index.ts";
import { TASKLIST_ACTION, TASKLIST_BLOCK } from "../../../../src/slack/ids/tasklist.ts";
import { buildListModal } from "../../../../src/slack/views/tasklist/list-modal.ts";
import { readPlanChoice } from "../../../../src/slack/views/tasklist/plan-offer.ts";

const due = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    kind: "theory" as const,
    title: `Plan item ${i + 1}`,
    target: { quarter: 2 },
  }));

const view = (rows: number, offer: number) => ({
  listId: 1,
  branch: { key: "resettlement", name: "Resettlement Branch" },
  period: "2027-04",
  kind: "submit" as const,
  revision: 0,
  rows: Array.from({ length: rows }, (_, row) => ({ row, item: { title: `Row ${row}` } })),
  nextRow: rows,
  tz: "Asia/Shanghai",
  planOffer: due(offer),
});

const checkboxes = (blocks: unknown[]) =>
  blocks.filter((b) => JSON.stringify(b).includes('"type":"checkboxes"')) as {
    element: { options: unknown[] };
  }[];

describe("the plan items offered in the task-list modal", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    const t = translator(locale);
    it(`when 23 items are due, then they come in checkboxes of at most 10 (${locale})`, () => {
      const m = buildListModal(view(1, 23), t);
      const boxes = checkboxes(m.blocks);
      expect(boxes.map((b) => b.element.options.length)).toEqual([10, 10, 3]);
      expect(m.blocks.length).toBeLessThanOrEqual(100);
    });

    it(`when the modal is full of rows, then the offer is of 120 items capped within 100 blocks, with a note (${locale})`, () => {
      const m = buildListModal(view(MAX_ITEMS, 120), t);
      expect(m.blocks.length).toBeLessThanOrEqual(100);
      const offered = checkboxes(m.blocks).reduce((n, b) => n + b.element.options.length, 0);
      expect(offered).toBeGreaterThan(0);
      expect(offered).toBeLessThan(120);
      const note =
        locale === "en"
          ? `Only ${offered} of the 120 plan items`
          : `120项计划项中，此处只列出${offered}项`;
      expect(JSON.stringify(m.blocks)).toContain(note);
    });
  }

  it("when boxes are ticked, then their plan item ids are read back with their block", () => {
    const values = {
      [`${TASKLIST_BLOCK.planOffer}0`]: {
        [TASKLIST_ACTION.planOffer]: { selected_options: [{ value: "3" }, { value: "x" }] },
      },
      [`${TASKLIST_BLOCK.planOffer}1`]: {
        [TASKLIST_ACTION.planOffer]: { selected_options: [{ value: "12" }] },
      },
      other: { a: { value: "7" } },
    };
    expect(readPlanChoice(values)).toEqual([
      { id: 3, blockId: `${TASKLIST_BLOCK.planOffer}0` },
      { id: 12, blockId: `${TASKLIST_BLOCK.planOffer}1` },
    ]);
  });
});
