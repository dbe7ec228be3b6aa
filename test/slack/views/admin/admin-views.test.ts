import { readFile } from "node:fs/promises";
import type { InputBlock, ModalView } from "@slack/types";
import { describe, expect, it } from "vitest";
import { parseOrgFile } from "../../../../src/config/org-file.ts";
import type { BranchService } from "../../../../src/config/org-service-list.ts";
import { LOCALES, translator } from "../../../../src/i18n/index.ts";
import { validateView } from "../../../../src/localslack/index.ts";
import { fieldId, serviceField } from "../../../../src/slack/ids/admin.ts";
import {
  buildBranchModal,
  buildCommitteeModal,
  buildLectureModal,
  buildSchedulesModal,
} from "../../../../src/slack/views/admin/forms.ts";
import { buildAdminHome, buildAdminRefused } from "../../../../src/slack/views/admin/home.ts";
import { readAdminMetadata } from "../../../../src/slack/views/admin/metadata.ts";
import { readBranchForm, readSchedulesForm } from "../../../../src/slack/views/admin/state.ts";
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
      servicesShown: 0,
    });
    expect(JSON.stringify(buildSchedulesModal(org, t))).toContain(
      '"initial_value":"3 09:00, 4 15:00"',
    );
  });
});

const SERVICES: BranchService[] = [
  {
    branch: "resettlement",
    category: "defence-education",
    frequency: "quarterly",
    what: "Talks at the school",
    lead: "U0A",
  },
  {
    branch: "resettlement",
    category: "policy-consultation",
    frequency: "monthly",
    what: "Pension questions",
    lead: "U0SEC1",
  },
];

const LABELS = {
  en: {
    categories: [
      "Policy consultation",
      "National defence education",
      "Civilization creation",
      "Volunteering",
      "Other",
    ],
    frequencies: ["Weekly", "Monthly", "Quarterly", "Once a year", "Once"],
  },
  "zh-CN": {
    categories: ["政策咨询", "国防教育", "文明创建", "志愿服务", "其他"],
    frequencies: ["每周", "每月", "每季度", "每年", "一次性"],
  },
} as const;

type Element = {
  type: string;
  options?: { text: { text: string }; value: string }[];
  initial_option?: { text: { text: string }; value: string };
  initial_user?: string;
  initial_value?: string;
};

describe.each(LOCALES)("the branch modal's services in %s", (locale) => {
  const t = translator(locale);
  const view = buildBranchModal(org.branches[0], t, SERVICES);
  const element = (row: number, part: "what" | "category" | "frequency" | "lead") => {
    const id = fieldId(serviceField(row, part));
    const block = view.blocks.find((b) => b.block_id === id);
    return block?.type === "input" ? ((block as InputBlock).element as Element) : undefined;
  };

  it("the selects offer the catalog's categories and frequencies, labelled, the keys as values", () => {
    for (const row of [0, 1, 2]) {
      const category = element(row, "category");
      expect(category?.type).toBe("static_select");
      expect(category?.options?.map((o) => o.text.text)).toEqual(LABELS[locale].categories);
      expect(category?.options?.map((o) => o.value)).toEqual([
        "policy-consultation",
        "defence-education",
        "civilization",
        "volunteering",
        "other",
      ]);
      const frequency = element(row, "frequency");
      expect(frequency?.type).toBe("static_select");
      expect(frequency?.options?.map((o) => o.text.text)).toEqual(LABELS[locale].frequencies);
      expect(frequency?.options?.map((o) => o.value)).toEqual([
        "weekly",
        "monthly",
        "quarterly",
        "yearly",
        "once",
      ]);
      expect(element(row, "lead")?.type).toBe("users_select");
    }
  });

  it("an existing branch's services are the first rows, picked; then empty rows to add more", () => {
    expect(element(0, "what")?.initial_value).toBe("Talks at the school");
    expect(element(0, "category")?.initial_option).toEqual({
      text: { type: "plain_text", text: LABELS[locale].categories[1], emoji: true },
      value: "defence-education",
    });
    expect(element(0, "frequency")?.initial_option?.value).toBe("quarterly");
    expect(element(0, "frequency")?.initial_option?.text.text).toBe(LABELS[locale].frequencies[2]);
    expect(element(0, "lead")?.initial_user).toBe("U0A");
    expect(element(1, "category")?.initial_option?.value).toBe("policy-consultation");
    expect(element(1, "frequency")?.initial_option?.text.text).toBe(LABELS[locale].frequencies[1]);
    expect(element(1, "lead")?.initial_user).toBe("U0SEC1");
    for (const row of [2, 3, 4]) {
      expect(element(row, "what")).toBeDefined();
      expect(element(row, "what")?.initial_value).toBeUndefined();
      expect(element(row, "category")?.initial_option).toBeUndefined();
      expect(element(row, "frequency")?.initial_option).toBeUndefined();
      expect(element(row, "lead")?.initial_user).toBeUndefined();
    }
    expect(element(5, "what")).toBeUndefined();
    expect(readAdminMetadata(view.private_metadata).servicesShown).toBe(2);
    expect(validateView(view)).toBeUndefined();
  });

  it("a new branch gets three empty rows", () => {
    const fresh = buildBranchModal(undefined, t);
    const rows = fresh.blocks.filter((b) => b.block_id?.endsWith("_category"));
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(fresh.blocks)).not.toContain("initial_option");
  });

  it("a branch with more services than the rows hold shows 15 of them, says the rest stay, and fits Slack's limits", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...SERVICES[0]!,
      what: `${i} ${"长".repeat(400)}`,
    }));
    const big = buildBranchModal(org.branches[0], t, many);
    expect(validateView(big)).toBeUndefined();
    expect(big.blocks.length).toBeLessThanOrEqual(100);
    expect(big.blocks.filter((b) => b.block_id?.endsWith("_what"))).toHaveLength(15);
    expect(readAdminMetadata(big.private_metadata).servicesShown).toBe(15);
    expect(JSON.stringify(big.blocks)).toContain(t("admin.branch.servicesMore", { count: 25 }));
  });

  it("the rows read back from Slack's state as picked, blanks as empty", () => {
    const state = {
      [fieldId(serviceField(0, "what"))]: {
        [fieldId(serviceField(0, "what"))]: { type: "plain_text_input", value: " Talks " },
      },
      [fieldId(serviceField(0, "category"))]: {
        [fieldId(serviceField(0, "category"))]: {
          type: "static_select",
          selected_option: { value: "other" },
        },
      },
      [fieldId(serviceField(0, "frequency"))]: {
        [fieldId(serviceField(0, "frequency"))]: { type: "static_select", selected_option: null },
      },
      [fieldId(serviceField(1, "lead"))]: {
        [fieldId(serviceField(1, "lead"))]: { type: "users_select", selected_user: "U0B" },
      },
    };
    const form = readBranchForm(state, { editing: "resettlement", servicesShown: 2 });
    expect(form.services).toEqual([
      { what: "Talks", category: "other", frequency: "", lead: "" },
      { what: "", category: "", frequency: "", lead: "U0B" },
    ]);
    expect(form.servicesShown).toBe(2);
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
    const nothing = { editing: null, origin: null, servicesShown: 0 };
    expect(readAdminMetadata("not json")).toEqual(nothing);
    expect(readAdminMetadata(undefined)).toEqual(nothing);
  });
});
