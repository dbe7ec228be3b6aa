import { describe, expect, it } from "vitest";
import { tasklist } from "../../../../src/i18n/catalog/tasklist.ts";
import { allKeys } from "../../../../src/i18n/index.ts";

const placeholders = (m: unknown) =>
  typeof m === "string" ? [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort() : null;

describe("tasklist catalog", () => {
  it("is registered, and zh-CN has every key with the same placeholders as en", () => {
    const en = Object.keys(tasklist.en);
    expect(allKeys()).toEqual(expect.arrayContaining(en));
    expect(Object.keys(tasklist["zh-CN"]).sort()).toEqual([...en].sort());
    for (const key of en) {
      const a = placeholders(tasklist.en[key as keyof typeof tasklist.en]);
      const b = placeholders(tasklist["zh-CN"][key as keyof typeof tasklist.en]);
      if (a && b) expect([key, [...new Set(b)]]).toEqual([key, [...new Set(a)]]);
    }
  });

  it("uses the committee office's wording in Chinese", () => {
    const zh = tasklist["zh-CN"];
    expect(zh["tasklist.modal.title"]).toBe("月度任务清单");
    expect(zh["tasklist.button.approve"]).toBe("通过");
    expect(zh["tasklist.button.return"]).toBe("退回");
    expect(zh["tasklist.button.revise"]).toBe("修改后重新报送");
    expect(zh["tasklist.category.THEME_PARTY_DAY"]).toBe("主题党日活动");
  });
});
