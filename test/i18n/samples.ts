/**
 * Every catalog message rendered with sample params: numbers where a message counts, Chinese
 * names where it names people or branches, dates through the one date helper.
 */
import { formatDateTime, formatDay } from "../../src/i18n/dates.ts";
import { allKeys, type Locale, type MessageKey, t, translator } from "../../src/i18n/index.ts";

const NUMBERS = new Set([
  "count",
  "revision",
  "since",
  "done",
  "total",
  "percent",
  "hours",
  "seq",
  "n",
  "max",
  "cycle",
  "page",
  "pages",
  "members",
  "roster",
  "reminderDay",
  "deadlineDay",
  "followUps",
  "turns",
  "onTime",
  "expected",
  "planned",
  "revisions",
  "branches",
  "approved",
  "weekday",
  "day",
  "quarter",
  "id",
]);
const LISTS = new Set(["secretaries", "admins"]);
const NAMES: Record<string, string> = {
  branch: "第一党支部",
  name: "第一党支部",
  org: "退役军人事务厅机关党委",
  by: "张伟",
  who: "<@U0SECRETARY> <@U0DEPUTY>",
  decidedBy: "李娜",
  colleague: "王芳",
  requester: "王芳",
  replacement: "刘洋",
  speaker: "陈静",
  speakers: "陈静、刘洋",
  owner: "杨磊",
  comment: "请补充时间安排",
  topic: "基层党支部如何开展月度学习",
  title: "组织生活会",
  text: "形成会议记录",
  item: "组织生活会",
  fields: "完成时限",
  category: "组织生活（三会一课）",
  channel: "<#C0BRANCH>",
  place: "三楼会议室",
  state: "待审核",
  reason: "法定节假日",
  zh: "元旦",
  en: "New Year's Day",
  problem: "频道不存在",
  message: "第3行：缺少字段",
  error: "channel_not_found",
  fix: "请检查频道。",
  action: "发送消息",
  where: "<#C0BRANCH>",
  key: "branch-1",
  value: "branch-1",
  usage: "help",
  description: "显示帮助",
  kind: "month",
  example: "2026-12",
  tz: "Asia/Shanghai",
  files: "`pbb-report-2026-Q4.xlsx`",
  link: "https://example.com",
  personal: "https://example.com/p.ics",
  schedule: "https://example.com/s.ics",
  weekdayName: "星期三",
  time: "16:00",
  reminderTime: "09:00",
  deadlineTime: "18:00",
  year: "2026",
  month: "12",
  chair: "<@U0CHAIR>",
  note: "学习了党支部工作条例",
};

/** Sample params for one locale: Chinese names in both, dates as the locale writes them. */
export function sampleParams(locale: Locale): Record<string, unknown> {
  const tr = translator(locale);
  const at = new Date("2026-12-05T10:00:00Z");
  const dates: Record<string, string> = {
    deadline: formatDateTime(at, "Asia/Shanghai", tr),
    at: formatDateTime(at, "Asia/Shanghai", tr),
    decidedAt: formatDateTime(at, "Asia/Shanghai", tr),
    asOf: formatDateTime(at, "Asia/Shanghai", tr),
    date: formatDay("2026-12-09", tr),
    due: formatDay("2026-12-23", tr),
    from: formatDay("2026-12-01", tr),
    to: formatDay("2026-12-31", tr),
    min: formatDay("2026-12-01", tr),
    max: "20",
    when: t(locale, "lecture.when", {
      year: 2026,
      month: 12,
      day: 9,
      weekday: 3,
      time: "16:00",
    }),
    period: t(locale, "date.quarter", { key: "2026-Q4", year: 2026, quarter: 4 }),
  };
  const values: Record<string, unknown> = {};
  return new Proxy(values, {
    has: () => true,
    get(_target, name) {
      if (typeof name !== "string") return undefined;
      if (name in dates) return dates[name];
      if (LISTS.has(name)) return ["<@U0A>", "<@U0B>"];
      if (name in NAMES) return NAMES[name];
      if (NUMBERS.has(name)) return name === "weekday" ? 3 : 2;
      if (name === "onTimeRate" || name === "completionRate") return 2 / 3;
      return name.endsWith("Rate") ? 0.5 : 3;
    },
  });
}

/** Every message key rendered in a locale with the sample params. */
export function renderAll(locale: Locale): { key: MessageKey; text: string }[] {
  const params = sampleParams(locale);
  return allKeys().map((key) => ({
    key: key as MessageKey,
    text: t(locale, key as MessageKey, params),
  }));
}
