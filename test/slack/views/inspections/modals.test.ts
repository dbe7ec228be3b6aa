import { describe, expect, it } from "vitest";
import { translator } from "../../../../src/i18n/index.ts";
import type { ChecklistForm } from "../../../../src/ports/inspections.ts";
import { readChecklist, readOwner } from "../../../../src/slack/views/inspections/modals.ts";

const form: ChecklistForm = {
  assignmentId: 3,
  kind: "supervision",
  period: "2027-03",
  closesOn: "2027-03-15",
  branch: "B1",
  items: [{ key: "dues", title: "Dues", maxScore: 40, hint: null }],
  draft: null,
  amending: true,
};

describe.each(["en", "zh-CN"] as const)("the inspections' modal readers (%s)", (locale) => {
  const t = translator(locale);
  it("reassign: no one chosen is an error on the picker; a choice reads back", () => {
    expect(readOwner({}, t)).toEqual({
      ok: false,
      errors: { insp_owner_block: t("inspections.reassign.required") },
    });
    expect(readOwner({ insp_owner_block: { insp_owner: { selected_user: "U0B" } } }, t)).toEqual({
      ok: true,
      value: "U0B",
    });
  });
  it("an amendment asks why on its field; the findings keep their slots", () => {
    const values = {
      insp_score_dues: { insp_score: { value: "30" } },
      insp_problem_2: { insp_problem: { value: "notes thin" } },
    };
    expect(readChecklist(values, form, t)).toEqual({
      ok: false,
      errors: { insp_reason_block: t("inspections.error.amend-reason-required") },
    });
    const read = readChecklist(
      { ...values, insp_reason_block: { insp_reason: { value: "recount" } } },
      form,
      t,
    );
    expect(read).toMatchObject({
      ok: true,
      value: { reason: "recount", findings: [{ slot: 2, problem: "notes thin" }] },
    });
    expect(readChecklist(values, { ...form, amending: false }, t).ok).toBe(true);
  });
});
