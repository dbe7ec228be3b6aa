/**
 * Every annual-plan view at its largest — 40 items a plan, the longest titles and results, the
 * longest branch name — within Slack's limits (the local Slack's checks against the documented
 * limits), in both languages, with typed text escaped.
 */
import { describe, expect, it } from "vitest";
import type {
  PlanRecord,
  PlanRevisionRecord,
} from "../../../../src/db/repositories/annual-plan.ts";
import {
  MAX_PLAN_ITEMS,
  MAX_PLAN_RESULT,
  MAX_PLAN_TITLE,
} from "../../../../src/domain/annual-plan.ts";
import { translator } from "../../../../src/i18n/index.ts";
import { validateMessage, validateView } from "../../../../src/localslack/emulator/validate.ts";
import { PLAN_PAGES, type PlanOrg } from "../../../../src/ports/annual-plans.ts";
import {
  planModal,
  planReturnModal,
  rowErrors,
} from "../../../../src/slack/views/annual-plans/modal.ts";
import { annualPlanPresenter as present } from "../../../../src/slack/views/annual-plans/present.ts";

const LOCALES = ["en", "zh-CN"] as const;
const long = (n: number, s = "<&>*_~") => s.repeat(Math.ceil(n / s.length)).slice(0, n);
const at = new Date("2027-01-10T02:00:00Z");

function item(position: number, status: "OPEN" | "DONE" = "OPEN") {
  return {
    id: position + 1,
    position,
    title: long(MAX_PLAN_TITLE),
    target: position % 2 ? `m${(position % 12) + 1}` : `q${(position % 4) + 1}`,
    ownerUserId: "U0MEMBER",
    expectedResult: long(MAX_PLAN_RESULT),
    status,
    doneAt: null,
    doneBy: null,
    movedFrom: null,
    moveReason: null,
  };
}

function revision(
  number: number,
  status: PlanRevisionRecord["status"],
  shift = 0,
): PlanRevisionRecord {
  return {
    id: number,
    number,
    status,
    isAmendment: false,
    submittedBy: "U0SEC",
    submittedAt: at,
    items: Array.from({ length: MAX_PLAN_ITEMS }, (_, i) => ({
      ...item(i),
      title: `${long(MAX_PLAN_TITLE - 3)}${i + shift}`,
    })),
    decision:
      status === "RETURNED"
        ? { kind: "RETURNED", decidedBy: "U0CHAIR", comment: long(1000), decidedAt: at }
        : status === "APPROVED"
          ? { kind: "APPROVED", decidedBy: "U0CHAIR", comment: null, decidedAt: at }
          : null,
  };
}

function plan(revisions: PlanRevisionRecord[], state: PlanRecord["state"]): PlanRecord {
  const last = revisions.at(-1);
  return {
    id: 7,
    year: 2027,
    kind: "THEME_DAY",
    state,
    version: 3,
    currentRevision: last?.number ?? 0,
    approvedRevision: state === "APPROVED" ? (last?.number ?? null) : null,
    firstMonth: 7,
    dueAt: at,
    firstSubmittedAt: at,
    approvedAt: null,
    reminderChannel: null,
    reminderTs: null,
    committeeChannel: null,
    committeeTs: null,
    branch: {
      id: 1,
      key: "b",
      name: long(80),
      channelId: "C0B",
      active: true,
      secretaries: ["U0SEC"],
    },
    revisions,
  };
}

const msg = (m: { text: string; blocks: unknown[] } | null) => {
  if (!m) throw new Error("no message");
  expect(m.blocks.length).toBeLessThanOrEqual(50);
  return validateMessage(m, { maxText: 4000, requireTextWithBlocks: true });
};

describe.each(LOCALES)("the annual plans' views at 40 items a plan (%s)", (locale) => {
  const t = translator(locale);
  const org: PlanOrg = {
    locale,
    t,
    tz: "Asia/Shanghai",
    committeeChannel: "C0COMMITTEE",
    calendar: { timezone: "Asia/Shanghai", holidays: [], workdays: [] },
    plans: null,
  };

  it("the committee message of a revision with 40 changed items, and each decided state", () => {
    const returned = revision(1, "RETURNED");
    const next = revision(2, "SUBMITTED", 100);
    const p = plan([returned, next], "SUBMITTED");
    expect(msg(present.committee(p, next, org))).toBeUndefined();
    expect(msg(present.committee(p, returned, org))).toBeUndefined();
    const text = JSON.stringify(present.committee(p, next, org).blocks);
    expect(text).not.toContain("<&>");
    expect(text).toContain("&lt;&amp;&gt;");
    const approved = plan([revision(1, "APPROVED")], "APPROVED");
    expect(msg(present.approved(approved, org))).toBeUndefined();
    expect(msg(present.returned(p, returned, org))).toBeUndefined();
    expect(msg(present.secretaryDm(p, returned, org))).toBeUndefined();
  });

  it("the branch's request with its four plans in every state", () => {
    const plans = (["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] as const).map((s, i) => ({
      ...plan([revision(1, s === "DRAFT" ? "WITHDRAWN" : s)], s),
      id: i + 1,
    }));
    const request = present.reminder(
      { branch: plans[0]!.branch, year: 2027, dueAt: at, plans },
      org,
    );
    expect(msg(request)).toBeUndefined();
    expect(request.text).toContain("2027");
  });

  it("every page of the plan modal full, with errors on the page and on others", () => {
    const p = plan([revision(1, "RETURNED")], "RETURNED");
    const rows = p.revisions[0]!.items.map((i) => ({
      row: i.position,
      title: i.title,
      target: i.target,
      owner: i.ownerUserId,
      expectedResult: i.expectedResult,
    }));
    for (let page = 0; page < PLAN_PAGES; page++) {
      const view = planModal({ plan: p, kind: "resubmit", rows, page, from: "returned" }, t);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(validateView(view)).toBeUndefined();
      // A target before the plan's first month (July, a branch created mid-year) is not offered.
      expect(JSON.stringify(view.blocks)).not.toContain('"value":"m6"');
    }
    expect(PLAN_PAGES * 10).toBe(MAX_PLAN_ITEMS);
    const errors = rowErrors(
      [
        { row: 1, field: "target", error: "targetRequired" },
        { row: 25, field: "owner", error: "ownerNotInBranch" },
      ],
      0,
      t,
    );
    expect(Object.keys(errors).sort()).toEqual([
      "annual_plan_row_0_title",
      "annual_plan_row_1_target",
    ]);
    expect(errors.annual_plan_row_0_title).toContain("26");
    expect(validateView(planReturnModal({ planId: 7, revision: 1 }, p, t))).toBeUndefined();
  });
});
