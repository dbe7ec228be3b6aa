import { readFile } from "node:fs/promises";
import type { ModalView } from "@slack/types";
import { describe, expect, it } from "vitest";
import { parseOrgFile } from "../../../../src/config/org-file.ts";
import { LOCALES, translator } from "../../../../src/i18n/index.ts";
import { validateView } from "../../../../src/localslack/index.ts";
import { fieldId } from "../../../../src/slack/ids/admin.ts";
import {
  buildBranchModal,
  buildCommitteeModal,
  buildLectureModal,
  buildSchedulesModal,
} from "../../../../src/slack/views/admin/forms.ts";
import { buildAdminHome, buildAdminRefused } from "../../../../src/slack/views/admin/home.ts";
import { readAdminMetadata } from "../../../../src/slack/views/admin/metadata.ts";
import { readSchedulesForm } from "../../../../src/slack/views/admin/state.ts";
import { EXAMPLE_ORG } from "../../../helpers/bot.ts";

const parsed = parseOrgFile(await readFile(EXAMPLE_ORG, "utf8"), "org.yml");
if (!parsed.ok) throw new Error("the example org must parse");
const org = parsed.org;

describe.each(LOCALES)("admin views in %s", (locale) => {
  const t = translator(locale);
  const views: [string, ModalView][] = [
    ["home", buildAdminHome(org, t, "saved")],
    ["refused", buildAdminRefused(t)],
    ["new branch", buildBranchModal(undefined, t)],
    ["edit branch", buildBranchModal(org.branches[0], t)],
    ["committee", buildCommitteeModal(org, t)],
    ["lecture", buildLectureModal(org, t)],
    ["lecture not set up", buildLectureModal({ ...org, lectureHall: undefined }, t)],
    ["schedules", buildSchedulesModal(org, t)],
  ];

  it.each(views)(
    "the %s view is one Slack accepts, with titles of at most 24 characters",
    (_, view) => {
      expect(validateView(view)).toBeUndefined();
      for (const part of [view.title, view.submit, view.close]) {
        expect(part?.text.length ?? 0).toBeLessThanOrEqual(24);
      }
    },
  );

  it("the edit modals show the values in force", () => {
    const branch = JSON.stringify(buildBranchModal(org.branches[0], t));
    expect(branch).toContain('"initial_conversation":"C0RESETTLE"');
    expect(branch).toContain('"initial_users":["U0SEC1"]');
    expect(readAdminMetadata(buildBranchModal(org.branches[0], t).private_metadata)).toEqual({
      editing: "resettlement",
      origin: null,
    });
    expect(JSON.stringify(buildSchedulesModal(org, t))).toContain(
      '"initial_value":"3 09:00, 4 15:00"',
    );
  });
});

describe("admin view state", () => {
  it("reads a schedules form from Slack's state values", () => {
    const entry = (value: Record<string, unknown>) => value;
    const values = {
      [fieldId("reminderDay")]: {
        [fieldId("reminderDay")]: entry({ type: "number_input", value: "2" }),
      },
      [fieldId("reminderTime")]: {
        [fieldId("reminderTime")]: entry({ type: "timepicker", selected_time: "08:30" }),
      },
      [fieldId("workingDays")]: {
        [fieldId("workingDays")]: entry({
          type: "static_select",
          selected_option: { value: "as-is" },
        }),
      },
    };
    expect(readSchedulesForm(values)).toMatchObject({
      reminderDay: "2",
      reminderTime: "08:30",
      workingDays: "as-is",
      followUps: "",
    });
  });

  it("metadata that is not ours reads as nothing", () => {
    expect(readAdminMetadata("not json")).toEqual({ editing: null, origin: null });
    expect(readAdminMetadata(undefined)).toEqual({ editing: null, origin: null });
  });
});
