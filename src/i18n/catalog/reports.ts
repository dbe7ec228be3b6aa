import { defineArea } from "../define.ts";

const pct = (p: Record<string, unknown>, key: string) =>
  typeof p[key] === "number" ? `${Math.round((p[key] as number) * 100)}%` : "—";

export const reports = defineArea(
  {
    "reports.command.describe":
      "a report for a month, quarter or year as .xlsx and .csv (committee)",
    "reports.command.notCommittee":
      "Reports are for committee members and admins, and you are neither: ask a committee admin to add you to the committee in the org configuration.",
    "reports.command.usage":
      "{problem}\nUse `/pbb report month|quarter|year [period]`, for example `/pbb report month 2026-12`, `/pbb report quarter 2026-Q4` or `/pbb report year 2026`. Without a period: the current one.",
    "reports.command.badKind": "`{kind}` is not a report kind: choose month, quarter or year.",
    "reports.command.missingKind": "Say which report: month, quarter or year.",
    "reports.command.badPeriod": "`{text}` is not a {kind}: write it like `{example}`.",
    "reports.command.tooMany": "Give at most one period after the kind.",
    "reports.kind.month": "month",
    "reports.kind.quarter": "quarter",
    "reports.kind.year": "year",
    "reports.command.done": "The report for {period} is in your direct messages with me: {files}.",
    "reports.command.failed":
      "The report for {period} could not be delivered ({error}). Try again, or ask an admin to check the bot's logs.",
    "reports.dm.comment": "Report for {period} ({asOf}): {branches} branches.",
    "reports.file.title": "Report {period}",
    "reports.sheet.name": "Report",
    "reports.sheet.title": "{org} — report for {period}",
    "reports.sheet.asOf": "As of {asOf} ({tz})",
    "reports.sheet.notes":
      "On time: first submission no later than the deadline. Revisions before approval: revisions submitted before the one approved. Items: those of the approved list. Lecture turns: turns of the branch's people in sessions held.",
    "reports.col.key": "Branch key",
    "reports.col.name": "Branch",
    "reports.col.active": "Active",
    "reports.col.listsExpected": "Lists due",
    "reports.col.submitted": "Submitted",
    "reports.col.onTime": "On time",
    "reports.col.late": "Late",
    "reports.col.missing": "Missing",
    "reports.col.onTimeRate": "On-time rate",
    "reports.col.approved": "Approved",
    "reports.col.firstPass": "Approved first time",
    "reports.col.revisionsBeforeApproval": "Revisions before approval",
    "reports.col.itemsPlanned": "Items planned",
    "reports.col.itemsDone": "Items done",
    "reports.col.completionRate": "Completion",
    "reports.col.lectureTurns": "Lecture turns",
    "reports.yes": "yes",
    "reports.no": "no",
    "reports.total": "Committee total",
    "reports.chart.title": "{period}: on-time rate and completion by branch",
    "reports.chart.onTime": "On-time rate",
    "reports.chart.completion": "Completion",
    "reports.chart.none": "No branches",
    "reports.summary.text": (p) =>
      `Quarterly summary ${p.period}: lists on time ${p.onTime}/${p.expected} (${pct(p, "onTimeRate")}), items done ${p.done}/${p.planned} (${pct(p, "completionRate")}), ${p.turns} lecture turns.`,
    "reports.summary.row": (p) =>
      `• ${p.branch}: on time ${p.onTime}/${p.expected} (${pct(p, "onTimeRate")}) · revisions before approval ${p.revisions} · items ${p.done}/${p.planned} (${pct(p, "completionRate")}) · lecture turns ${p.turns}`,
    "reports.summary.more": "The full figures: `/pbb report quarter {period}`.",
  },
  {
    "reports.command.describe": "按月、季度或年度导出报表（.xlsx 和 .csv，党委成员可用）",
    "reports.command.notCommittee":
      "报表仅供党委委员和管理员使用，您不在其中：如需查看，请党委管理员在组织配置中将您加入党委。",
    "reports.command.usage":
      "{problem}\n用法：`/pbb report month|quarter|year [期间]`，例如 `/pbb report month 2026-12`、`/pbb report quarter 2026-Q4` 或 `/pbb report year 2026`。不写期间则为当前期间。",
    "reports.command.badKind":
      "`{kind}` 不是报表类型：请选择 month（月）、quarter（季度）或 year（年）。",
    "reports.command.missingKind": "请说明报表类型：month（月）、quarter（季度）或 year（年）。",
    "reports.command.badPeriod": "`{text}` 不是有效的{kind}期间：请按 `{example}` 的格式填写。",
    "reports.command.tooMany": "类型后面最多写一个期间。",
    "reports.kind.month": "月份",
    "reports.kind.quarter": "季度",
    "reports.kind.year": "年度",
    "reports.command.done": "{period} 的报表已发送到您与我的私信：{files}。",
    "reports.command.failed":
      "{period} 的报表未能发送（{error}）。请重试，或请管理员查看机器人日志。",
    "reports.dm.comment": "{period} 报表（截至 {asOf}）：共 {branches} 个支部。",
    "reports.file.title": "{period} 报表",
    "reports.sheet.name": "报表",
    "reports.sheet.title": "{org} — {period} 报表",
    "reports.sheet.asOf": "截至 {asOf}（{tz}）",
    "reports.sheet.notes":
      "按时：首次提交不晚于截止时间。审批前修订次数：获批版本之前提交的修订数。事项：获批清单中的事项。讲堂次数：支部人员在已举办讲堂中的主讲次数。",
    "reports.col.key": "支部标识",
    "reports.col.name": "支部",
    "reports.col.active": "在用",
    "reports.col.listsExpected": "应报清单",
    "reports.col.submitted": "已提交",
    "reports.col.onTime": "按时提交",
    "reports.col.late": "逾期提交",
    "reports.col.missing": "未提交",
    "reports.col.onTimeRate": "按时率",
    "reports.col.approved": "已批准",
    "reports.col.firstPass": "一次通过",
    "reports.col.revisionsBeforeApproval": "审批前修订次数",
    "reports.col.itemsPlanned": "计划事项",
    "reports.col.itemsDone": "完成事项",
    "reports.col.completionRate": "完成率",
    "reports.col.lectureTurns": "讲堂主讲次数",
    "reports.yes": "是",
    "reports.no": "否",
    "reports.total": "党委合计",
    "reports.chart.title": "{period}：各支部按时率与完成率",
    "reports.chart.onTime": "按时率",
    "reports.chart.completion": "完成率",
    "reports.chart.none": "暂无支部",
    "reports.summary.text": (p) =>
      `${p.period} 季度小结：按时提交清单 ${p.onTime}/${p.expected}（${pct(p, "onTimeRate")}），完成事项 ${p.done}/${p.planned}（${pct(p, "completionRate")}），讲堂主讲 ${p.turns} 人次。`,
    "reports.summary.row": (p) =>
      `• ${p.branch}：按时 ${p.onTime}/${p.expected}（${pct(p, "onTimeRate")}）· 审批前修订 ${p.revisions} 次 · 事项 ${p.done}/${p.planned}（${pct(p, "completionRate")}）· 讲堂 ${p.turns} 人次`,
    "reports.summary.more": "完整数据：`/pbb report quarter {period}`。",
  },
);
