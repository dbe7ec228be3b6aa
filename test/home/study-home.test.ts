/**
 * Study on the App Home (issue 23): a member sees their coming sessions with their answer, their
 * record, the make-up they owe and their youth project with its buttons; a secretary their
 * branch's study; the committee the year's figures and the results to review with Accept and
 * Send back (not on their own project). Both languages; valid and within Slack's limits with
 * 300 branches.
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { validateView } from "../../src/localslack/emulator/validate.ts";
import type { StudyHomeView } from "../../src/ports/study.ts";
import { STUDY_ACTION } from "../../src/slack/ids/study.ts";
import { buildHomeModel, buildHomeView } from "../../src/slack/views/home/index.ts";
import { allText, buttonsOf } from "../e2e/round-trip-helpers.ts";
import { homeInput, NOW, type Role } from "./home-fixtures.ts";

const project = (id: number, state: "active" | "submitted", mine: boolean, canReview: boolean) => ({
  id,
  year: 2026,
  name: `Project ${id}`,
  lead: "U0A",
  members: ["U0B"],
  question: "How to lighten the branches' paperwork?",
  advisor: "U0CHAIR",
  state,
  resultLink: state === "submitted" ? "https://example.org/result" : null,
  resultSummary: state === "submitted" ? "Eight branches surveyed." : null,
  reviewComment: null,
  milestones: [
    { id: 1, title: "Opening report", dueDate: "2026-12-20", done: true },
    { id: 2, title: "Final report", dueDate: null, done: false },
  ],
  mine,
  canReview,
});

const study = (committee: boolean, secretary: boolean): StudyHomeView => ({
  timezone: "Asia/Shanghai",
  year: 2026,
  canSchedule: committee || secretary,
  upcoming: [
    {
      sessionId: 7,
      kind: "centre-group",
      topic: "The rules on branch work",
      startsAt: new Date("2026-12-15T01:00:00Z"),
      response: "confirmed",
    },
  ],
  mine: { expected: 3, attended: 2, madeUp: 1, spoken: 1, hours: 4.5 },
  owed: [{ sessionId: 5, topic: "First topic of November", due: "2026-12-24" }],
  projects: [project(1, "active", true, false)],
  branches: secretary
    ? [{ name: "Branch 001", held: 2, expected: 10, attended: 8, madeUp: 1 }]
    : [],
  committee: committee
    ? {
        held: 4,
        expected: 30,
        attended: 27,
        madeUp: 2,
        firstTopics: 2,
        projects: 3,
        accepted: 1,
        toReview: [project(2, "submitted", false, true)],
      }
    : null,
});

const render = (n: number, role: Role, locale: "en" | "zh-CN" = "en") => {
  const committee = role === "committee" || role === "all";
  const secretary = role === "secretary" || role === "all";
  const input = { ...homeInput(n, role), study: study(committee, secretary) };
  return buildHomeView(buildHomeModel(input), translator(locale));
};

describe("study on the App Home", () => {
  it.each([3, 300])("is valid and within 100 blocks with %i branches, for every role", (n) => {
    for (const role of ["committee", "secretary", "member", "all"] as const) {
      const view = render(n, role);
      expect(validateView(view)).toBeUndefined();
      expect(view.blocks.length).toBeLessThanOrEqual(100);
    }
  });

  it("shows a member their sessions, record, make-up owed and project with its buttons", () => {
    const view = render(3, "member");
    const text = allText(view.blocks);
    expect(text).toContain("The rules on branch work");
    expect(text).toContain("confirmed");
    expect(text).toContain("expected 3 · attended 2 · made up 1 · spoke 1 times · 4.5 study hours");
    expect(text).toContain("First topic of November");
    expect(text).toContain("Project 1");
    expect(text).toContain("1 of 2 done");
    const actions = buttonsOf(view.blocks).map((b) => b.action_id);
    expect(actions).toContain(STUDY_ACTION.openMakeUp);
    expect(actions).toContain(STUDY_ACTION.milestoneDone);
    expect(actions).toContain(STUDY_ACTION.openProjectResult);
    expect(actions).toContain(STUDY_ACTION.openNewProject);
    expect(actions).not.toContain(STUDY_ACTION.projectAccept);
    expect(actions).not.toContain(STUDY_ACTION.openNew);
  });

  it("shows the committee the year's figures and the results to review", () => {
    const view = render(3, "committee");
    const text = allText(view.blocks);
    expect(text).toContain("*Sessions held*\n4");
    expect(text).toContain("*Attendance*\n27 / 30 (90%)");
    expect(text).toContain("3 · 1 results accepted");
    expect(text).toContain("Project results waiting for review:* 1");
    const accept = buttonsOf(view.blocks).filter((b) => b.action_id === STUDY_ACTION.projectAccept);
    expect(accept.map((b) => b.value)).toEqual(["2"]);
    expect(buttonsOf(view.blocks).map((b) => b.action_id)).toContain(STUDY_ACTION.openNew);
  });

  it("shows a secretary their branch's study, in Chinese with full-width punctuation", () => {
    const text = allText(render(3, "secretary", "zh-CN").blocks);
    expect(text).toContain("*Branch 001本年度学习：* 已开展2次 · 出勤8/10（80%） · 补学1人次");
    expect(text).toContain("应到3次 · 实到2次 · 补学1次 · 发言1次 · 学时4.5小时");
    expect(text).toContain(`${NOW.getUTCFullYear()}年个人学习记录`);
  });

  it("writes the committee's ratios with full-width punctuation in Chinese, as Slack shows them", () => {
    const zh = allText(render(3, "committee", "zh-CN").blocks);
    expect(zh).toContain("1/2（50%）");
    expect(zh).toContain("75%（30/40）");
    expect(zh).toMatch(/（1）：Branch/);
    expect(zh).not.toMatch(/\d \/ \d|\) |\(\d/);
    const en = allText(render(3, "committee").blocks);
    expect(en).toContain("1 / 2 (50%)");
    expect(en).toContain("75% (30 / 40)");
  });
});
