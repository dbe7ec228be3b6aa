/** The leadership's responsibility lists (issue 19): marking items, the editor, Home, check. */
import { defineArea } from "../define.ts";

export const duties = defineArea(
  {
    "duties.owner.committee": "the committee",
    "duties.status.open": "In progress",
    "duties.status.done": "Done",
    "duties.standing.done": "done",
    "duties.standing.in-progress": "in progress",
    "duties.standing.overdue": "overdue",
    "duties.result": "expected: {what}",

    "duties.modal.title": "My duties",
    "duties.modal.submit": "Save",
    "duties.modal.close": "Cancel",
    "duties.modal.intro":
      "Your responsibility list for {year} and the committee's: mark what is done and say how the rest is going. For an overdue item give the reason and, if it moves, a new target.",
    "duties.modal.more":
      "{count} more items are not shown here: save these, then open the form again.",
    "duties.modal.progress": "Progress (optional)",
    "duties.modal.reason": "Why it is late",
    "duties.modal.move": "New target (optional)",
    "duties.markError.reasonRequired": "Say why it is late before moving it.",
    "duties.markError.targetOutsideYear": "Choose a target from this month on, within the year.",
    "duties.markError.resultTooLong": "At most {max} characters.",
    "duties.saved": "Saved: {count} items updated.",

    "duties.edit.title": "Responsibility list",
    "duties.edit.intro":
      "The responsibility list of {owner} for {year}. Blank rows are dropped; a duty kept keeps what was marked.",
    "duties.edit.duty": "Duty {n}",
    "duties.edit.target": "Target {n}",
    "duties.edit.result": "Measurable result {n}",
    "duties.edit.saved": "The responsibility list of {owner} for {year} is saved: {count} duties.",

    "duties.error.no-org": "no org file has been applied yet.",
    "duties.error.not-committee": "only committee members carry responsibility lists.",
    "duties.error.not-admin":
      "only a system admin can edit responsibility lists or see everyone's progress.",
    "duties.error.not-yours": "you can mark only your own items and the committee's.",
    "duties.error.not-found": "the item is no longer on its list.",
    "duties.error.no-duties": "you have no responsibility list for this year.",
    "duties.error.too-long":
      "this list has more items than the editor shows: edit it in the org file.",
    "duties.error.invalid": "the form has expired: open it again.",

    "duties.command.describe":
      "your responsibility list: mark your items; `all` everyone's progress, `edit @member|committee` a list (system admins)",
    "duties.command.usage":
      "Usage: `/pbb duties` marks your items; `/pbb duties all` shows everyone's progress and `/pbb duties edit @member` or `/pbb duties edit committee` edits a list (system admins).",

    "duties.home.header": "Responsibility lists {year}",
    "duties.home.mine":
      "Your items and the committee's: {done} done, {inProgress} in progress, {overdue} overdue.",
    "duties.home.open": "Update my items",
    "duties.home.row": "{owner}: {done} done · {inProgress} in progress · {overdue} overdue",
    "duties.home.overdueItem": "⚠️ {owner}: {duty} ({target})",
    "duties.home.pointer": "Everyone's items: `/pbb duties all`; the ledger: `/pbb report plans`.",

    "duties.check.header": "Responsibility list: Q{quarter} {year}",
    "duties.check.text":
      "Your items due in Q{quarter} {year}: {done} done, {inProgress} in progress, {overdue} overdue. For each overdue item give the reason and a new target.",
    "duties.check.line": "{mark} {duty} · {target}",

    "duties.report.list": "Responsibility list",
    "duties.report.removed": "taken off the list",
    "duties.report.event.added": "added",
    "duties.report.event.edited": "edited",
    "duties.report.event.removed": "taken off",
    "duties.report.event.done": "done",
    "duties.report.event.reopened": "reopened",
    "duties.report.event.moved": "moved",
    "duties.report.event.progress": "progress",
    "duties.report.title": "Responsibility lists {year}",
    "duties.report.col.list": "List",
    "duties.report.col.duty": "Duty",
    "duties.report.col.target": "Target",
    "duties.report.col.result": "Measurable result",
    "duties.report.col.status": "Status",
    "duties.report.col.progress": "Progress / reason",
    "duties.report.col.doneAt": "Done on",
    "duties.report.col.movedFrom": "Moved from",
    "duties.report.col.history": "History",
  },
  {
    "duties.owner.committee": "机关党委",
    "duties.status.open": "进行中",
    "duties.status.done": "已完成",
    "duties.standing.done": "已完成",
    "duties.standing.in-progress": "进行中",
    "duties.standing.overdue": "已逾期",
    "duties.result": "预期成效：{what}",

    "duties.modal.title": "我的责任清单",
    "duties.modal.submit": "保存",
    "duties.modal.close": "取消",
    "duties.modal.intro":
      "您{year}年的“一岗双责”清单和机关党委的全面从严治党主体责任清单：请标记已完成的事项，说明其余事项的进展。逾期事项请说明原因，如需调整请选择新的完成时间。",
    "duties.modal.more": "另有{count}项未在此显示，请先保存本页，再重新打开。",
    "duties.modal.progress": "进展情况（选填）",
    "duties.modal.reason": "逾期原因",
    "duties.modal.move": "新的完成时间（选填）",
    "duties.markError.reasonRequired": "调整完成时间须说明逾期原因。",
    "duties.markError.targetOutsideYear": "请选择本月及以后、本年度内的完成时间。",
    "duties.markError.resultTooLong": "最多{max}个字。",
    "duties.saved": "已保存，更新了{count}项。",

    "duties.edit.title": "编辑责任清单",
    "duties.edit.intro": "{owner}{year}年责任清单。空行将被忽略；保留的事项保持原有完成情况。",
    "duties.edit.duty": "第{n}项 职责",
    "duties.edit.target": "第{n}项 完成时间",
    "duties.edit.result": "第{n}项 预期成效",
    "duties.edit.saved": "已保存{owner}{year}年责任清单，共{count}项。",

    "duties.error.no-org": "尚未应用配置文件。",
    "duties.error.not-committee": "只有机关党委委员有责任清单。",
    "duties.error.not-admin": "只有系统管理员可以编辑责任清单或查看全部进展。",
    "duties.error.not-yours": "您只能标记本人和机关党委的事项。",
    "duties.error.not-found": "该事项已不在清单中。",
    "duties.error.no-duties": "您本年度没有责任清单。",
    "duties.error.too-long": "该清单事项超过编辑框可显示的数量，请在配置文件中修改。",
    "duties.error.invalid": "表单已过期，请重新打开。",

    "duties.command.describe":
      "责任清单：标记本人事项；`all` 查看全部进展，`edit @委员|committee` 编辑清单（系统管理员）",
    "duties.command.usage":
      "用法：`/pbb duties` 标记本人事项；`/pbb duties all` 查看全部进展，`/pbb duties edit @委员` 或 `/pbb duties edit committee` 编辑清单（系统管理员）。",

    "duties.home.header": "{year}年责任清单",
    "duties.home.mine":
      "本人及机关党委事项：已完成{done}项，进行中{inProgress}项，已逾期{overdue}项。",
    "duties.home.open": "更新我的事项",
    "duties.home.row": "{owner}：已完成{done}项 · 进行中{inProgress}项 · 已逾期{overdue}项",
    "duties.home.overdueItem": "⚠️ {owner}：{duty}（{target}）",
    "duties.home.pointer": "全部事项：`/pbb duties all`；台账：`/pbb report plans`。",

    "duties.check.header": "{year}年第{quarter}季度责任清单跟踪",
    "duties.check.text":
      "您{year}年第{quarter}季度到期的事项：已完成{done}项，进行中{inProgress}项，已逾期{overdue}项。逾期事项请说明原因并确定新的完成时间。",
    "duties.check.line": "{mark} {duty} · {target}",

    "duties.report.list": "责任清单",
    "duties.report.removed": "已移出清单",
    "duties.report.event.added": "列入",
    "duties.report.event.edited": "修改",
    "duties.report.event.removed": "移出",
    "duties.report.event.done": "完成",
    "duties.report.event.reopened": "重新打开",
    "duties.report.event.moved": "调整完成时间",
    "duties.report.event.progress": "进展",
    "duties.report.title": "{year}年责任清单",
    "duties.report.col.list": "清单",
    "duties.report.col.duty": "职责",
    "duties.report.col.target": "完成时间",
    "duties.report.col.result": "预期成效",
    "duties.report.col.status": "完成情况",
    "duties.report.col.progress": "进展情况/逾期原因",
    "duties.report.col.doneAt": "完成日期",
    "duties.report.col.movedFrom": "原完成时间",
    "duties.report.col.history": "记录",
  },
);
