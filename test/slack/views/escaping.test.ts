/**
 * Names people typed (an admin-edited branch name) reach Slack as text, never as markup: a
 * `<!channel>` inside a branch name must not ping anyone, in mrkdwn blocks or the `text`
 * fallback (which Slack also reads as mrkdwn). Plain-text headers show the name as typed.
 */
import { describe, expect, it } from "vitest";
import type { Org } from "../../../src/config/org-schema.ts";
import { translator } from "../../../src/i18n/index.ts";
import { buildAdminHome } from "../../../src/slack/views/admin/home.ts";
import { buildClassRepDm } from "../../../src/slack/views/lecture/class-rep.ts";
import { buildCommitteeMessage } from "../../../src/slack/views/tasklist/committee.ts";
import {
  buildFullListModal,
  buildReturnModal,
} from "../../../src/slack/views/tasklist/decision-modals.ts";
import {
  buildFollowUp,
  buildReturnedNotice,
  buildSecretaryDm,
} from "../../../src/slack/views/tasklist/notices.ts";
import { buildPlanMessage } from "../../../src/slack/views/tasklist/plan.ts";
import { buildReminder } from "../../../src/slack/views/tasklist/reminder.ts";
import {
  buildApprovalWaiting,
  buildMonthSummary,
  buildOverdueList,
} from "../../../src/slack/views/tasklist/reports.ts";
import { at, items } from "./tasklist/fixtures.ts";

const EVIL = "Ops <!channel> & <https://evil.example|click>";
const ESCAPED = "Ops &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;";
const branch = { key: "ops", name: EVIL, channelId: "C0OPS", secretaries: ["U0SEC1"] };
const ctx = { listId: 12, branch, period: "2026-10", tz: "Asia/Shanghai" };
const decision = {
  kind: "RETURNED" as const,
  by: "U0CHAIR",
  at: at("2026-10-09T02:30:00Z"),
  comment: "no",
};

/** Every string Slack parses as mrkdwn: the `text` fallback and every mrkdwn text object. */
function mrkdwnTexts(surface: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
      for (const v of Object.values(o)) walk(v);
    }
  };
  const top = surface as { text?: unknown };
  if (typeof top.text === "string") out.push(top.text);
  walk(surface);
  return out;
}

function expectEscaped(surface: unknown): void {
  const texts = mrkdwnTexts(surface);
  const all = texts.join("\n");
  expect(all).toContain(ESCAPED);
  expect(all).not.toContain("<!channel>");
  expect(all).not.toContain("<https://evil");
}

describe.each(["en", "zh-CN"] as const)("a branch name with markup (%s)", (locale) => {
  const t = translator(locale);
  const list = items(2);

  it("is escaped in the committee's message, its modals and the plan", () => {
    const committee = buildCommitteeMessage(
      {
        ...ctx,
        state: "pending",
        revision: 1,
        isAmendment: false,
        submittedBy: "U0SEC1",
        submittedAt: at("2026-10-08T03:00:00Z"),
        items: list,
        comments: { count: 0, latest: [] },
      },
      t,
    );
    expectEscaped(committee);
    // The header is plain text: shown as typed, not parsed.
    expect(JSON.stringify(committee.blocks[0])).toContain(JSON.stringify(EVIL).slice(1, -1));
    expectEscaped(buildReturnModal({ ...ctx, revision: 1, submittedBy: "U0SEC1" }, t));
    expectEscaped(buildFullListModal({ ...ctx, revision: 1, state: "pending", items: list }, t));
    expectEscaped(
      buildPlanMessage(
        {
          ...ctx,
          revision: 1,
          approvedBy: "U0CHAIR",
          approvedAt: at("2026-10-09T02:30:00Z"),
          items: list,
        },
        t,
      ),
    );
  });

  it("is escaped in the branch's reminder, follow-up, returned notice and DMs", () => {
    expectEscaped(
      buildReminder(
        { ...ctx, state: "waiting", deadlineAt: at("2026-10-08T10:00:00Z"), commentCount: 0 },
        t,
      ),
    );
    expectEscaped(
      buildFollowUp({ ...ctx, state: "not-submitted", deadlineAt: at("2026-10-08T10:00:00Z") }, t),
    );
    expectEscaped(buildReturnedNotice({ ...ctx, revision: 1, isAmendment: false, decision }, t));
    expectEscaped(buildSecretaryDm({ ...ctx, revision: 1, isAmendment: false, decision }, t));
  });

  it("is escaped in the committee's overviews and the admin menu", () => {
    const deadlineAt = at("2026-10-08T10:00:00Z");
    expectEscaped(
      buildOverdueList(
        {
          period: "2026-10",
          tz: "Asia/Shanghai",
          deadlineAt,
          branches: [{ branch, state: "DRAFT" }],
        },
        t,
      ),
    );
    expectEscaped(
      buildApprovalWaiting(
        {
          thresholdHours: 24,
          lists: [{ listId: 1, branch, period: "2026-10", revision: 1, waitingHours: 30 }],
        },
        t,
      ),
    );
    expectEscaped(
      buildMonthSummary(
        { period: "2026-10", rows: [{ branch, state: "DRAFT", onTime: null, completion: null }] },
        t,
      ),
    );
    const org = {
      organization: { name: "Org", timezone: "Asia/Shanghai", locale },
      committee: { channel: "C0COMMITTEE", members: ["U0CHAIR"], admins: ["U0CHAIR"] },
      branches: [
        { key: "ops", name: EVIL, channel: "C0OPS", secretaries: ["U0SEC1"], members: [] },
      ],
      schedules: {
        monthlyReminder: { day: 1, time: "09:00" },
        followUps: [],
        deadline: { day: 5, time: "18:00" },
      },
    } as unknown as Org;
    expectEscaped(buildAdminHome(org, t));
    expectEscaped(
      buildClassRepDm(
        { turnId: 1, branchName: EVIL, cadence: "monthly", date: "2026-10-01", state: "assigned" },
        t,
      ),
    );
  });
});
