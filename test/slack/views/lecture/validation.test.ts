import { describe, expect, it } from "vitest";
import { translator } from "../../../../src/i18n/index.ts";
import { LECTURE_BLOCK } from "../../../../src/slack/ids/lecture.ts";
import {
  TOPIC_MAX,
  validateAway,
  validateSwapPick,
  validateTopic,
} from "../../../../src/slack/views/lecture/index.ts";

const t = translator("en");
const zh = translator("zh-CN");

describe("lecture modal validation", () => {
  it("when the topic is blank or too long, then the topic field gets the error", () => {
    expect(validateTopic("  ", t)).toEqual({
      ok: false,
      errors: { [LECTURE_BLOCK.topic]: "Please enter a topic." },
    });
    expect(validateTopic("讲".repeat(TOPIC_MAX + 1), zh)).toEqual({
      ok: false,
      errors: { [LECTURE_BLOCK.topic]: `题目请不超过${TOPIC_MAX}个字。` },
    });
    expect(validateTopic("  学习  贯彻 ", t)).toEqual({ ok: true, value: "学习 贯彻" });
  });

  it("when the colleague is missing, oneself or not offered, then the select gets the error", () => {
    const candidates = [{ userId: "U0B", name: "李四" }];
    const field = LECTURE_BLOCK.swapColleague;
    expect(validateSwapPick(null, "U0A", candidates, t)).toEqual({
      ok: false,
      errors: { [field]: "Please choose a colleague." },
    });
    expect(validateSwapPick("U0A", "U0A", candidates, t)).toMatchObject({ ok: false });
    expect(validateSwapPick("U0Z", "U0A", candidates, t)).toMatchObject({ ok: false });
    expect(validateSwapPick("U0B", "U0A", candidates, t)).toEqual({
      ok: true,
      value: candidates[0],
    });
  });

  it("when the away dates are wrong, then the field at fault gets the error", () => {
    const today = "2026-09-01";
    expect(validateAway({ from: "2026-09-10", to: "2026-09-09", today }, t)).toEqual({
      ok: false,
      errors: { [LECTURE_BLOCK.awayTo]: "The last day can't be before the first." },
    });
    expect(validateAway({ from: "2026-09-10", to: "2027-09-11", today }, t)).toEqual({
      ok: false,
      errors: { [LECTURE_BLOCK.awayTo]: "An absence can last at most a year." },
    });
    expect(validateAway({ from: "2026-08-01", to: "2026-08-10", today }, t)).toEqual({
      ok: false,
      errors: { [LECTURE_BLOCK.awayTo]: "The last day is already past." },
    });
    expect(validateAway({ from: "2027-10-01", to: "2027-10-02", today }, t)).toEqual({
      ok: false,
      errors: { [LECTURE_BLOCK.awayFrom]: "The first day must be within a year from today." },
    });
    expect(validateAway({ from: null, to: null, today }, t)).toEqual({
      ok: false,
      errors: {
        [LECTURE_BLOCK.awayFrom]: "Choose the first day away.",
        [LECTURE_BLOCK.awayTo]: "Choose the last day away.",
      },
    });
    expect(validateAway({ from: "2026-09-10", to: "2026-09-10", today }, t)).toEqual({
      ok: true,
      value: { from: "2026-09-10", to: "2026-09-10" },
    });
  });
});
