/**
 * docs/GLOSSARY.md as a test: every catalog message, rendered with sample params, uses the
 * glossary's terms and none of its rejected variants, in both languages.
 */
import { describe, expect, it } from "vitest";
import { renderAll } from "./samples.ts";

/** Text outside code spans and `<…>` tokens (what a person types there is not our wording). */
const prose = (text: string) => text.replace(/`[^`]*`/g, " ").replace(/<[^<>\s]+>/g, " ");

const CJK = "\\u3400-\\u9fff";
const FULLWIDTH = "\\u3000-\\u303f\\uff00-\\uffef";

interface Rule {
  name: string;
  pattern: RegExp;
  /** Catalog keys the rule does not apply to (the annual plans own the word "plan"). */
  except?: RegExp;
}

/** The annual plans' keys, and the sandbox's names of their jobs. */
const ANNUAL_PLANS =
  /^annualPlans\.|^sandbox\.(job|summary)\.(annual-plan-reminder|annual-plan-new-branches|quarter-tracking)$/;

const ZH_RULES: Rule[] = [
  { name: "lecture hall is 大讲堂, not 讲坛", pattern: /讲坛/ },
  { name: "lecture hall is 大讲堂, not bare 讲堂", pattern: /(?<!大)讲堂/ },
  { name: "the committee is 机关党委, not bare 党委", pattern: /(?<!机关)党委/ },
  { name: "the system administrator is 系统管理员", pattern: /党委管理员|(?<!系统)管理员/ },
  { name: "a list is 报送, not 提交 (提交 only for a lecture topic)", pattern: /提交(?!题目)/ },
  { name: "the committee's check is 审核", pattern: /审批|批准|获批/ },
  {
    name: "an approved list is not a 计划 (clashes with annual plans)",
    pattern: /计划/,
    except: ANNUAL_PLANS,
  },
  { name: "an amendment is 调整, not 修改", pattern: /修改(计划|稿|申请)|清单的修改/ },
  { name: "dates as 2026年12月1日, not ISO", pattern: /\d{4}-\d{2}-\d{2}|\d{4}\/\d{1,2}\/\d{1,2}/ },
  {
    name: "full-width punctuation in Chinese text",
    pattern: new RegExp(`[${CJK}][,.:;!?()]|[,.:;!?()][${CJK}]`),
  },
  {
    name: "no space between Chinese text and numbers",
    pattern: new RegExp(`[${CJK}${FULLWIDTH}] +\\d|\\d +[${CJK}]`),
  },
  { name: "no first person", pattern: /我(?!的)|[与给向]我/ },
  { name: "no dated slogan as an example", pattern: /二十大/ },
];

const EN_RULES: Rule[] = [
  { name: "no first person", pattern: /\b(I|I'm|I've|me)\b/ },
  { name: "the system admin is not a committee admin", pattern: /committee admins?\b/i },
  { name: "an approved list is not a plan", pattern: /\bplans?\b/i, except: ANNUAL_PLANS },
  { name: "the lecture hall is not a lecture series", pattern: /lecture series/i },
  { name: "no dated slogan as an example", pattern: /Party Congress/ },
];

function violations(locale: "zh-CN" | "en", rules: Rule[]): string[] {
  const out: string[] = [];
  for (const { key, text } of renderAll(locale)) {
    const checked = prose(text);
    for (const rule of rules) {
      if (rule.except?.test(key)) continue;
      const m = rule.pattern.exec(checked);
      if (m)
        out.push(
          `${key}: ${rule.name} — "…${checked.slice(Math.max(0, m.index - 8), m.index + 12)}…"`,
        );
    }
  }
  return out;
}

describe("the glossary", () => {
  it("when every zh-CN message is rendered, then none uses a rejected variant", () => {
    expect(violations("zh-CN", ZH_RULES)).toEqual([]);
  });

  it("when every en message is rendered, then none uses a rejected variant", () => {
    expect(violations("en", EN_RULES)).toEqual([]);
  });

  it("when the rules meet the variants the issue found, then each is caught", () => {
    const samples = [
      "近期讲坛",
      "本期讲堂取消",
      "只有党委委员可以审核",
      "请联系党委管理员添加",
      "已提交",
      "审批前修订次数",
      "已批准",
      "获批清单",
      "本月工作计划",
      "修改计划",
      "截止 2026-12-01 18:00",
      "完成(3项)",
      "第 2 版",
      "报表已发送到您与我的私信",
      "例如：学习贯彻党的二十大精神",
    ];
    const caught = samples.filter((s) => ZH_RULES.some((r) => r.pattern.test(prose(s))));
    expect(caught).toEqual(samples);
    const fine = [
      "干部能力提升大讲堂",
      "机关党委委员",
      "提交题目",
      "2026年12月1日9:00",
      "共3个支部",
    ];
    expect(fine.filter((s) => ZH_RULES.some((r) => r.pattern.test(prose(s))))).toEqual([]);
  });

  it("offers the organizational-life category in both languages", async () => {
    const { t } = await import("../../src/i18n/index.ts");
    expect(t("zh-CN", "tasklist.category.ORGANIZATIONAL_LIFE")).toBe("组织生活（三会一课）");
    expect(t("en", "tasklist.category.ORGANIZATIONAL_LIFE")).toBe(
      "Organizational life (three meetings and one lesson)",
    );
  });
});
