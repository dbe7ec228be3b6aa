import { describe, expect, it } from "vitest";
import { LOCALES, translator } from "../../../../src/i18n/index.ts";
import { LECTURE_ACTION, LECTURE_BLOCK } from "../../../../src/slack/ids/lecture.ts";
import {
  buildAwayModal,
  buildClassRepDm,
  buildLectureNotice,
  buildLecturesSummary,
  buildSpeakerDm,
  buildSwapModal,
  buildSwapOutcomeDm,
  buildSwapRequestDm,
  buildTopicModal,
  type NoticeView,
  type SpeakerDmView,
} from "../../../../src/slack/views/lecture/index.ts";
import { expectValidMessage, expectValidModal, mentionedUsers } from "./limits.ts";

const session = {
  date: "2026-09-30",
  startsAt: new Date("2026-09-30T08:00:00Z"),
  timezone: "Asia/Shanghai",
  place: "三楼会议室 <A>",
  seq: 23,
};
const roster = ["U0A", "U0B", "U0C", "U0D"];
const notice: NoticeView = {
  ...session,
  speakers: [{ userId: "U0A", topic: "学习贯彻党的二十大精神" }],
  state: "scheduled",
};
const dm: SpeakerDmView = {
  ...session,
  turnId: 42,
  moment: "week-ahead",
  state: "assigned",
  coSpeakers: [],
};

describe.each(LOCALES)("lecture builders in %s", (locale) => {
  const t = translator(locale);

  it("renders the channel notice with date, time, place, topic and only the speakers mentioned", () => {
    const m = buildLectureNotice(notice, t);
    expectValidMessage(m);
    const all = JSON.stringify(m.blocks);
    expect(all).toContain("16:00");
    expect(all).toContain("&lt;A&gt;");
    expect(all).toContain("学习贯彻党的二十大精神");
    expect(mentionedUsers(m)).toEqual(["U0A"]);
    expect(m.text).toContain("<@U0A>");
    for (const other of roster.slice(1)) expect(all).not.toContain(other);
  });

  it("renders the updated notice after a swap with the same builder, mentioning the new speakers only", () => {
    const before = buildLectureNotice(notice, t);
    const after = buildLectureNotice(
      {
        ...notice,
        speakers: [{ userId: "U0C" }, { userId: "U0D", topic: "调查研究" }],
        state: "updated",
      },
      t,
    );
    expectValidMessage(after);
    expect(after.blocks.map((b) => b.type)).toEqual(before.blocks.map((b) => b.type));
    expect(mentionedUsers(after).sort()).toEqual(["U0C", "U0D"]);
    expect(JSON.stringify(after.blocks)).toContain(t("lecture.notice.updated"));
    const cancelled = buildLectureNotice({ ...notice, state: "cancelled" }, t);
    expectValidMessage(cancelled);
    expect(mentionedUsers(cancelled)).toEqual([]);
  });

  it("renders the speaker DM with Confirm (primary), topic, swap and Can't make it (danger), values = turn id", () => {
    for (const moment of ["assigned", "week-ahead", "day-before"] as const) {
      const m = buildSpeakerDm({ ...dm, moment }, t);
      expectValidMessage(m);
      const actions = m.blocks.find((b) => b.type === "actions");
      expect(actions?.type === "actions" && actions.block_id).toBe(LECTURE_BLOCK.speakerActions);
      const buttons = actions?.type === "actions" ? actions.elements : [];
      expect(
        buttons.map((b) => [b.type === "button" && b.action_id, b.type === "button" && b.style]),
      ).toEqual([
        [LECTURE_ACTION.confirm, "primary"],
        [LECTURE_ACTION.openTopic, undefined],
        [LECTURE_ACTION.openSwap, undefined],
        [LECTURE_ACTION.drop, "danger"],
      ]);
      for (const b of buttons) expect(b.type === "button" && b.value).toBe("42");
    }
    const confirmed = buildSpeakerDm({ ...dm, state: "confirmed", topic: "调查研究" }, t);
    expect(JSON.stringify(confirmed.blocks)).not.toContain(LECTURE_ACTION.confirm);
    expect(JSON.stringify(confirmed.blocks)).toContain(t("lecture.dm.confirmed"));
    const out = buildSpeakerDm({ ...dm, state: "swapped-out", other: "U0C" }, t);
    expectValidMessage(out);
    expect(out.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(mentionedUsers(buildSpeakerDm({ ...dm, state: "dropped", other: "U0B" }, t))).toEqual([
      "U0B",
    ]);
  });

  it("renders a speaker DM of a session that has started as over, with no button left", () => {
    for (const state of ["assigned", "confirmed", "swap-pending"] as const) {
      const over = buildSpeakerDm({ ...dm, state, over: true }, t);
      expectValidMessage(over);
      expect(JSON.stringify(over.blocks)).not.toContain('"button"');
      expect(over.text).toContain(t("lecture.dm.over", { when: "" }).slice(-6));
    }
  });

  it("renders the modals within Slack's limits", () => {
    const topic = buildTopicModal({ ...session, turnId: 42, topic: "旧题目" }, t);
    expectValidModal(topic);
    expect(topic.private_metadata).toBe("42");
    const swap = buildSwapModal(
      {
        ...session,
        turnId: 42,
        candidates: [
          { userId: "U0B", name: "李四", turnDate: "2026-10-14" },
          { userId: "U0C", name: "王五" },
        ],
      },
      t,
    );
    expectValidModal(swap);
    expect(JSON.stringify(swap.blocks)).toContain('"value":"U0B"');
    // Each candidate shows their own date, in the language's punctuation.
    expect(JSON.stringify(swap.blocks)).toContain(
      locale === "en"
        ? "李四 (their turn on Wednesday 14 October 2026)"
        : "李四（其主讲时间2026年10月14日（星期三））",
    );
    const none = buildSwapModal({ ...session, turnId: 42, candidates: [] }, t);
    expectValidModal(none);
    expect(none.submit).toBeUndefined();
    const away = buildAwayModal({ today: "2026-09-01" }, t);
    expectValidModal(away);
    expect(JSON.stringify(away.blocks)).toContain('"initial_date":"2026-09-01"');
  });

  it("renders the swap request, its answers and the outcomes", () => {
    const base = {
      ...session,
      swapId: 7,
      requester: "U0A",
      theirTurnDate: "2026-10-14",
      expiresAt: new Date("2026-09-29T08:00:00Z"),
    };
    const pending = buildSwapRequestDm({ ...base, state: "pending" }, t);
    expectValidMessage(pending);
    const actions = pending.blocks.find((b) => b.type === "actions");
    const buttons = actions?.type === "actions" ? actions.elements : [];
    expect(buttons.map((b) => b.type === "button" && [b.action_id, b.style, b.value])).toEqual([
      [LECTURE_ACTION.acceptSwap, "primary", "7"],
      [LECTURE_ACTION.declineSwap, "danger", "7"],
    ]);
    for (const state of ["accepted", "declined", "expired"] as const) {
      const m = buildSwapRequestDm({ ...base, state }, t);
      expectValidMessage(m);
      expect(m.blocks.some((b) => b.type === "actions")).toBe(false);
    }
    for (const outcome of ["accepted", "declined", "expired"] as const) {
      const m = buildSwapOutcomeDm(
        { ...session, colleague: "U0B", outcome, newDate: "2026-10-14" },
        t,
      );
      expectValidMessage(m);
      expect(mentionedUsers(m)).toEqual(["U0B"]);
    }
  });

  it("renders /pbb lectures within 50 blocks even for a large history", () => {
    const turns = Array.from({ length: 200 }, (_, i) => ({ userId: `U${i}`, count: (i % 3) + 1 }));
    const m = buildLecturesSummary(
      {
        timezone: "Asia/Shanghai",
        upcoming: [
          { date: "2026-09-30", speakers: ["U0A"] },
          {
            date: "2026-10-07",
            speakers: [],
            skippedReason: {
              kind: "public-holiday",
              holiday: { en: "National Day", zh: "国庆节" },
            },
          },
          { date: "2026-10-14", speakers: [] },
        ],
        order: [
          { userId: "U0B", reason: { kind: "first-in-cycle", cycle: 3 } },
          { userId: "U0C", reason: { kind: "kept-priority", cycle: 2, since: "2026-12-02" } },
          { userId: "U0D", reason: { kind: "back-from-absence", cycle: 2, since: "2026-11-25" } },
        ],
        history: { sessionsHeld: 23, distinctSpeakers: 39, turns },
      },
      t,
    );
    expectValidMessage(m);
    const all = JSON.stringify(m.blocks);
    expect(all).toContain(locale === "zh-CN" ? "国庆节" : "National Day");
    expect(all).toContain(t("lecture.summary.held", { count: 23 }));
    expect(all).toContain(t("lecture.summary.distinct", { count: 39 }));
    expect(all).toContain(t("lecture.summary.more", { count: 140 }));
    expect(all).toContain(t("lecture.reason.backFromAbsence"));
  });

  it("renders the class representative DM", () => {
    for (const cadence of ["weekly", "monthly"] as const) {
      const m = buildClassRepDm(
        { turnId: 9, branchName: "安置办支部", cadence, date: "2026-09-07", state: "assigned" },
        t,
      );
      expectValidMessage(m);
      expect(m.text).toContain("安置办支部");
    }
  });
});

describe("lecture builders in zh-CN", () => {
  const t = translator("zh-CN");

  it("speak as a party committee office would", () => {
    const notice = buildLectureNotice(
      { ...session, seq: null, speakers: [{ userId: "U0A" }], state: "scheduled" },
      t,
    );
    expect(JSON.stringify(notice.blocks)).toContain("干部能力提升大讲堂");
    expect(JSON.stringify(notice.blocks)).toContain("主讲人");
    expect(JSON.stringify(notice.blocks)).toContain("2026年9月30日（星期三）16:00");
    const labels = JSON.stringify(buildSpeakerDm(dm, t).blocks);
    for (const word of ["确认", "提交题目", "申请调换", "无法参加"]) expect(labels).toContain(word);
  });
});

describe("lecture builders in en", () => {
  it("show the date in the org's zone", () => {
    const m = buildLectureNotice(notice, translator("en"));
    expect(m.text).toContain("Wednesday 30 September 2026, 16:00");
  });
});
