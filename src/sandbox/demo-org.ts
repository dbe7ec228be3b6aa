/**
 * The demo organisation of the sandbox: a committee of 2, 4 branches, 12 people with Chinese
 * names and a lecture roster. The emulator's workspace is seeded with the same people and
 * channels, and the org file names them by e-mail and #channel, resolved through the emulator
 * the way `pbb org apply` resolves them through Slack.
 */

import { stringify } from "yaml";
import { ASSESSMENT_DEFAULTS } from "../config/assessment-schema.ts";
import { addDays } from "../domain/calendar.ts";
import { addMonths, localDateOf, periodOf } from "../domain/period.ts";
import type { ChannelInit, UserInit } from "../localslack/index.ts";

export type DemoLocale = "zh-CN" | "en";
export const DEMO_TIMEZONE = "Asia/Shanghai";

export interface DemoPerson {
  id: string;
  name: string;
  email: string;
}

const person = (id: string, name: string, email: string): DemoPerson => ({
  id,
  name,
  email: `${email}@example.org`,
});

/** "zhang.jianguo" → "Zhang Jianguo": the name a person has in the English demo. */
export function nameIn(p: DemoPerson, locale: DemoLocale): string {
  if (locale === "zh-CN") return p.name;
  return (p.email.split("@")[0] ?? p.id)
    .split(".")
    .map((w) => w.slice(0, 1).toUpperCase() + w.slice(1))
    .join(" ");
}

export const DEMO_PEOPLE = {
  chair: person("U0CHAIR", "张建国", "zhang.jianguo"),
  deputy: person("U0DEPUTY", "李红梅", "li.hongmei"),
  sec1: person("U0SEC1", "王志强", "wang.zhiqiang"),
  sec2: person("U0SEC2", "刘芳", "liu.fang"),
  sec3: person("U0SEC3", "陈伟", "chen.wei"),
  sec4: person("U0SEC4", "赵敏", "zhao.min"),
  a: person("U0A", "孙丽", "sun.li"),
  b: person("U0B", "周杰", "zhou.jie"),
  c: person("U0C", "吴静", "wu.jing"),
  d: person("U0D", "何勇", "he.yong"),
  e: person("U0E", "郑浩", "zheng.hao"),
  f: person("U0F", "黄蕾", "huang.lei"),
} as const;

const P = DEMO_PEOPLE;

interface DemoBranch {
  key: string;
  name: string;
  nameEn: string;
  /** The joint-construction community (`branches[].community`), in each language. */
  community: string;
  communityEn: string;
  channel: string;
  secretary: DemoPerson;
  members: DemoPerson[];
}

export const DEMO_BRANCHES: DemoBranch[] = [
  {
    key: "resettlement",
    name: "移交安置处党支部",
    nameEn: "Resettlement Division Branch",
    community: "金丰路社区",
    communityEn: "Jinfeng Road Community",
    channel: "branch-resettlement",
    secretary: P.sec1,
    members: [P.a, P.b],
  },
  {
    key: "services",
    name: "服务保障处党支部",
    nameEn: "Services Division Branch",
    community: "建设里社区",
    communityEn: "Jianshe Lane Community",
    channel: "branch-services",
    secretary: P.sec2,
    members: [P.c, P.d],
  },
  {
    key: "rights",
    name: "权益维护处党支部",
    nameEn: "Rights Division Branch",
    community: "光明街社区",
    communityEn: "Guangming Street Community",
    channel: "branch-rights",
    secretary: P.sec3,
    members: [P.e],
  },
  {
    key: "office",
    name: "机关综合党支部",
    nameEn: "General Office Branch",
    community: "新华园社区",
    communityEn: "Xinhua Garden Community",
    channel: "branch-office",
    secretary: P.sec4,
    members: [P.f],
  },
];

export const DEMO_COMMITTEE = {
  channel: "committee",
  members: [P.chair, P.deputy],
  admins: [P.chair],
};
export const DEMO_LECTURE = {
  channel: "lecture-hall",
  roster: [P.chair, P.deputy, P.sec1, P.sec2, P.sec3, P.sec4, P.a, P.b, P.c, P.d, P.e, P.f],
};

/** The centre group of the demo org file (`study.centreGroup`); its study history: demo-study.ts. */
export const DEMO_CENTRE_GROUP = {
  members: [P.chair, P.deputy, P.sec1, P.sec2, P.sec3, P.sec4],
  day: 3,
  time: "09:00",
};

/** Fixed channel ids, so a rebuilt workspace matches the ids the database remembers. */
const CHANNEL_IDS: Record<string, string> = {
  committee: "G0COMMITTEE",
  "lecture-hall": "C0LECTURE",
  "branch-resettlement": "C0RESETTLE",
  "branch-services": "C0SERVICE",
  "branch-rights": "C0RIGHTS",
  "branch-office": "C0OFFICE",
  general: "C0GENERAL",
};

export function demoUsers(locale: DemoLocale = "zh-CN"): UserInit[] {
  return Object.values(DEMO_PEOPLE).map((p) => ({
    id: p.id,
    name: p.email.split("@")[0] ?? p.id,
    real_name: nameIn(p, locale),
    email: p.email,
    tz: "Asia/Shanghai",
    locale: locale === "en" ? "en-US" : "zh-CN",
    is_admin: p.id === P.chair.id,
  }));
}

export function demoChannels(): ChannelInit[] {
  const ids = (people: readonly DemoPerson[]) => people.map((p) => p.id);
  return [
    { id: CHANNEL_IDS.general, name: "general", members: ids(Object.values(DEMO_PEOPLE)) },
    {
      id: CHANNEL_IDS.committee,
      name: DEMO_COMMITTEE.channel,
      private: true,
      members: ids(DEMO_COMMITTEE.members),
      botMember: true,
    },
    ...DEMO_BRANCHES.map((b) => ({
      id: CHANNEL_IDS[b.channel],
      name: b.channel,
      members: ids([b.secretary, ...b.members, ...DEMO_COMMITTEE.members]),
      botMember: true,
    })),
    {
      id: CHANNEL_IDS["lecture-hall"],
      name: DEMO_LECTURE.channel,
      members: ids(DEMO_LECTURE.roster),
      botMember: true,
    },
  ];
}

/** The org file of the demo, as a person would write it (e-mails and #channels). */
/** The branches' services (`services`): branch, category, what (zh-CN, en), how often, lead. */
const DEMO_SERVICES: [string, string, string, string, string, DemoPerson][] = [
  [
    "resettlement",
    "policy-consultation",
    "退役安置政策咨询",
    "Pension and resettlement questions answered",
    "monthly",
    P.sec1,
  ],
  ["services", "volunteering", "走访慰问老退役军人", "Visits to elderly veterans", "monthly", P.c],
  [
    "rights",
    "defence-education",
    "进校园国防教育",
    "National defence talks at the school",
    "quarterly",
    P.e,
  ],
  ["office", "civilization", "文明社区创建", "Civilized community campaign", "quarterly", P.f],
];

/** Calendar days the demo's rounds stay open: last month's round is still open when it starts. */
export const DEMO_ROUND_WINDOW = 45;

/**
 * The demo's inspections: mutual inspection twice a year, last month and six months later (its
 * round of last month is in progress, seeded by demo-inspections.ts), supervision each quarter.
 */
export function demoInspections(start: Date) {
  const last = Number(addMonths(periodOf(start, DEMO_TIMEZONE), -1).slice(5, 7));
  return {
    mutual: { months: [last, last > 6 ? last - 6 : last + 6].sort((a, b) => a - b) },
    supervision: { months: [3, 6, 9, 12] },
    windowDays: DEMO_ROUND_WINDOW,
  };
}

/** The practical projects of the demo (`practicalProjects`), due dates counted from `start`. */
export function demoProjects(locale: DemoLocale, start: Date) {
  const day = (days: number) => addDays(localDateOf(start, DEMO_TIMEZONE), days);
  const en = locale === "en";
  return [
    {
      key: "jinfeng-compound",
      title: en ? "Renovate the Jinfeng Road veterans' compound" : "金丰路退役军人小区改造",
      serves: en ? "veterans' families of the Jinfeng Road compound" : "金丰路小区退役军人家庭",
      branch: "resettlement",
      lead: P.sec1.email,
      goal: en
        ? "Dry roofs and a ramp before the spring festival"
        : "春节前完成屋面防水和无障碍坡道",
      beneficiaries: 86,
      milestones: [
        { title: en ? "Survey the residents" : "入户摸底", due: day(-20) },
        { title: en ? "Sign the works contract" : "签订施工合同", due: day(2) },
        { title: en ? "Hand over the works" : "竣工交付", due: day(40) },
      ],
    },
    {
      key: "special-care",
      title: en ? "Settle special-care benefits" : "优抚待遇落实",
      serves: en ? "entitled groups of the district" : "辖区优抚对象",
      branch: "services",
      lead: P.sec2.email,
      goal: en ? "Every pending claim settled" : "积压申请全部办结",
      beneficiaries: 230,
      milestones: [
        { title: en ? "List the pending claims" : "梳理积压申请", due: day(-5) },
        { title: en ? "Settle every claim" : "全部办结", due: day(50) },
      ],
    },
    {
      key: "dependants-transfer",
      title: en ? "Transfer military dependants' jobs" : "随军家属工作调动",
      serves: en ? "military dependants" : "随军家属",
      branch: "rights",
      lead: P.sec3.email,
      goal: en ? "Every dependant placed in a job" : "随军家属全部妥善安置",
      beneficiaries: 12,
      milestones: [
        { title: en ? "Meet each family" : "逐户走访", due: day(-40) },
        { title: en ? "Place every dependant" : "全部安置到位", due: day(-10) },
        // done ahead of time: the project counts in the demo's year
        { title: en ? "Follow-up visit" : "回访", due: day(20) },
      ],
    },
  ];
}

/**
 * The leadership's responsibility lists of the demo's year: the committee's list and the chair's
 * and deputy's "one post, two responsibilities" lists, one item a quarter, so the quarter check
 * and the Home have items done, in progress and overdue whatever the date.
 */
export function demoResponsibilities(locale: DemoLocale, start: Date) {
  const en = locale === "en";
  const duty = (
    zh: string,
    enText: string,
    target: string,
    zhResult: string,
    enResult: string,
  ) => ({
    duty: en ? enText : zh,
    target,
    result: en ? enResult : zhResult,
  });
  return {
    year: Number(localDateOf(start, DEMO_TIMEZONE).slice(0, 4)),
    committee: [
      duty(
        "研究部署全面从严治党工作",
        "Plan the year's work on governing the party strictly",
        "q1",
        "召开党组会议专题研究1次",
        "One party group meeting on it",
      ),
      duty(
        "开展党风廉政警示教育",
        "Warning education on clean government",
        "q2",
        "组织警示教育大会1次",
        "One warning education meeting",
      ),
      duty(
        "听取各党支部党建工作汇报",
        "Hear every branch's report on its party building",
        "q3",
        "党支部书记述职全覆盖",
        "Every branch secretary reports",
      ),
      duty(
        "开展全覆盖监督检查",
        "Full-coverage supervision",
        "q4",
        "问题整改全部销号",
        "Every finding rectified",
      ),
    ],
    members: {
      [P.chair.email]: [
        duty(
          "讲授廉政党课",
          "Give a party lecture on clean government",
          "q2",
          "讲廉政党课1次",
          "One lecture",
        ),
        duty(
          "与分管处室负责人开展廉政谈话",
          "Clean-government talks with the office heads",
          "q4",
          "谈心谈话全覆盖",
          "Every head talked to",
        ),
      ],
      [P.deputy.email]: [
        duty(
          "督促分管处室落实党风廉政建设责任",
          "Check the offices in charge on clean government",
          "q3",
          "检查分管处室2次",
          "Two checks",
        ),
      ],
    },
  };
}

export function demoOrgYaml(locale: DemoLocale = "zh-CN", start = new Date()): string {
  const emails = (people: readonly DemoPerson[]) => people.map((p) => p.email);
  const en = locale === "en";
  const org = {
    organization: {
      name: en ? "Veterans Affairs Bureau Party Committee" : "退役军人事务局机关党委",
      timezone: DEMO_TIMEZONE,
      locale,
    },
    committee: {
      channel: `#${DEMO_COMMITTEE.channel}`,
      members: emails(DEMO_COMMITTEE.members),
      admins: emails(DEMO_COMMITTEE.admins),
    },
    branches: DEMO_BRANCHES.map((b) => ({
      key: b.key,
      name: en ? b.nameEn : b.name,
      channel: `#${b.channel}`,
      secretaries: [b.secretary.email],
      members: emails(b.members),
      community: en ? b.communityEn : b.community,
    })),
    schedules: {
      monthlyReminder: { day: 1, time: "09:00" },
      followUps: [{ day: 3, time: "09:00" }],
      deadline: { day: 5, time: "18:00" },
      annualPlan: {
        month: 1,
        day: 5,
        time: "09:00",
        deadline: { month: 1, day: 31, time: "18:00" },
        trackingTime: "09:30",
      },
    },
    lectureHall: {
      channel: `#${DEMO_LECTURE.channel}`,
      weekday: "wednesday",
      time: "16:00",
      place: en ? "Meeting room, 3rd floor" : "三楼会议室",
      noticeDaysBefore: 2,
      speakersPerSession: 1,
      roster: emails(DEMO_LECTURE.roster),
    },
    services: DEMO_SERVICES.map(([branch, category, zh, enWhat, frequency, lead]) => ({
      branch,
      category,
      what: en ? enWhat : zh,
      frequency,
      lead: lead.email,
    })),
    practicalProjects: demoProjects(locale, start),
    responsibilities: demoResponsibilities(locale, start),
    inspections: demoInspections(start),
    study: {
      centreGroup: {
        members: emails(DEMO_CENTRE_GROUP.members),
        day: DEMO_CENTRE_GROUP.day,
        time: DEMO_CENTRE_GROUP.time,
      },
    },
    // The annual assessment: last year's draft and its contest are seeded (demo-assessment.ts).
    assessment: {
      partyBuildingWeight: 0.4,
      // The draft's date, the contest window and the grades' thresholds are the defaults.
      draft: ASSESSMENT_DEFAULTS.draft,
      contestDays: ASSESSMENT_DEFAULTS.contestDays,
      thresholds: ASSESSMENT_DEFAULTS.thresholds,
      indicators: [
        { key: "lists-on-time", weight: 20, source: "lists-on-time" },
        { key: "lists-approved-first-time", weight: 20, source: "lists-approved-first-time" },
        { key: "list-items-done", weight: 30, source: "list-items-done" },
        {
          key: "review-meeting",
          weight: 30,
          manual: true,
          name: en ? "Review meeting" : "述职评议",
        },
      ],
    },
  };
  return `# The sandbox's demo organisation. Edit it and apply it with:\n#   npx pbb org apply <this file>\n${stringify(org)}`;
}
