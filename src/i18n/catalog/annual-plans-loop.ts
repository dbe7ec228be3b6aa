/**
 * The year's plans in the months and the quarters (issue 19): plan items named in the monthly
 * reminder and offered in the task-list modal, a plan item marked done or moved, the quarter
 * tracking (branch message, reasons modal, follow-up, the committee's table).
 */
import { defineArea } from "../define.ts";

export const annualPlansLoop = defineArea(
  {
    "annualPlans.month.due": "*From the year's plans, due this month* ({count}):",
    "annualPlans.month.line": "• {title} ({kind}, {target})",
    "annualPlans.month.more": "…and {count} more in the plans.",
    "annualPlans.month.offerLabel": "From the year's plans",
    "annualPlans.month.offerLabelPart": "From the year's plans ({page}/{pages})",
    "annualPlans.month.offerHint":
      "Tick the plan items to carry out this month: each becomes a row of this list, linked to its plan item, and marking it done marks the plan item done.",
    "annualPlans.month.offerCapped": "Only {count} of the {total} plan items due are offered here.",
    "annualPlans.month.rowLinked": "plan item",
    "annualPlans.month.tooMany":
      "With the ticked plan items the list would have more than {max} items: tick fewer or remove rows.",
    "annualPlans.month.notDue": "This is not one of the branch's plan items due this month.",

    "annualPlans.button.items": "Mark done / move",
    "annualPlans.items.title": "Plan items",
    "annualPlans.items.submit": "Save",
    "annualPlans.items.close": "Cancel",
    "annualPlans.items.intro":
      "{kind}, {year}: choose an item, then mark it done or move it to a new date with a reason.",
    "annualPlans.items.item": "Item",
    "annualPlans.items.change": "What to do",
    "annualPlans.items.done": "Mark done",
    "annualPlans.items.move": "Move to a new date",
    "annualPlans.items.date": "New date (for a move)",
    "annualPlans.items.reason": "Reason (for a move)",
    "annualPlans.items.none": "Every item of this plan is done.",
    "annualPlans.items.moved": "moved from {from}: {reason}",
    "annualPlans.input.itemRequired": "Choose an item.",
    "annualPlans.input.changeRequired": "Choose what to do.",
    "annualPlans.input.reasonRequired": "Give the reason for the new date.",
    "annualPlans.input.reasonTooLong": "At most {max} characters.",
    "annualPlans.input.dateRequired": "Choose the new date.",
    "annualPlans.input.dateOutsideYear": "The new date must be in {year}.",
    "annualPlans.input.dateNotAfterToday": "The new date must be after today ({today}).",
    "annualPlans.error.not-in-force": "this plan is not in force.",
    "annualPlans.error.already-done": "this item is already done.",

    "annualPlans.quarter.header": "Quarter tracking of the plans: {year} Q{quarter}",
    "annualPlans.quarter.text":
      "{branch}: the plans' items of {year} Q{quarter}: {done} done, {open} in progress, {overdue} overdue.",
    "annualPlans.quarter.done": "*Done* ({count})",
    "annualPlans.quarter.inProgress": "*In progress* ({count})",
    "annualPlans.quarter.overdue": "*Overdue* ({count})",
    "annualPlans.quarter.none": "No plan item was due in this quarter.",
    "annualPlans.quarter.ask": "{who}: for each overdue item, give a reason and a new date.",
    "annualPlans.quarter.answered": "Reasons given: {count} of {total}.",
    "annualPlans.quarter.reason": "reason: {reason}; new date {date}",
    "annualPlans.quarter.button": "Give reasons",
    "annualPlans.quarter.followUp":
      "{who}: the reasons for {count} overdue items of {year} Q{quarter} are still missing.",
    "annualPlans.quarter.committeeHeader": "Quarter tracking of the plans: {year} Q{quarter}",
    "annualPlans.quarter.committeeText":
      "{branches} branches, {year} Q{quarter}: {done} of {total} items done ({percent}%), {overdue} overdue, {missing} reasons missing.",
    "annualPlans.quarter.row":
      "• *{branch}*: {percent}% done ({done}/{total}) · {overdue} overdue · {missing} reasons missing",
    "annualPlans.quarter.rowEmpty": "• *{branch}*: no plan item in this quarter",
    "annualPlans.quarter.page": "Branches {from}–{to} of {count}",
    "annualPlans.quarter.home": "Each branch's plans and items: the bot's Home tab.",
    "annualPlans.reasons.title": "Overdue items",
    "annualPlans.reasons.submit": "Save",
    "annualPlans.reasons.close": "Cancel",
    "annualPlans.reasons.intro":
      "{year} Q{quarter}: for each overdue item, why it is late and the new date (after today, within {year}).",
    "annualPlans.reasons.reason": "Reason: {title}",
    "annualPlans.reasons.date": "New date: {title}",
    "annualPlans.reasons.none": "No overdue item is waiting for a reason.",
  },
  {
    "annualPlans.month.due": "*年度计划中本月到期的项* （{count}项）：",
    "annualPlans.month.line": "• {title}（{kind}，{target}）",
    "annualPlans.month.more": "……另有{count}项，见年度计划。",
    "annualPlans.month.offerLabel": "从年度计划中选取",
    "annualPlans.month.offerLabelPart": "从年度计划中选取（{page}/{pages}）",
    "annualPlans.month.offerHint":
      "勾选本月要落实的年度计划项：每项成为本清单的一项任务并与该计划项关联，任务标记完成时该计划项一并完成。",
    "annualPlans.month.offerCapped": "本月到期的{total}项计划项中，此处只列出{count}项。",
    "annualPlans.month.rowLinked": "年度计划项",
    "annualPlans.month.tooMany": "加上勾选的计划项，清单将超过{max}项：请少选几项或删除任务。",
    "annualPlans.month.notDue": "该项不是本支部本月到期的年度计划项。",

    "annualPlans.button.items": "标记完成 / 调整时间",
    "annualPlans.items.title": "年度计划项",
    "annualPlans.items.submit": "保存",
    "annualPlans.items.close": "取消",
    "annualPlans.items.intro":
      "{year}年{kind}：选择一项，标记完成，或说明原因后调整到新的完成时间。",
    "annualPlans.items.item": "计划项",
    "annualPlans.items.change": "操作",
    "annualPlans.items.done": "标记完成",
    "annualPlans.items.move": "调整完成时间",
    "annualPlans.items.date": "新的完成时间（调整时填写）",
    "annualPlans.items.reason": "原因（调整时填写）",
    "annualPlans.items.none": "该计划各项均已完成。",
    "annualPlans.items.moved": "原定{from}，调整原因：{reason}",
    "annualPlans.input.itemRequired": "请选择一项。",
    "annualPlans.input.changeRequired": "请选择操作。",
    "annualPlans.input.reasonRequired": "请填写调整原因。",
    "annualPlans.input.reasonTooLong": "最多{max}个字。",
    "annualPlans.input.dateRequired": "请选择新的完成时间。",
    "annualPlans.input.dateOutsideYear": "新的完成时间须在{year}年内。",
    "annualPlans.input.dateNotAfterToday": "新的完成时间须晚于今天（{today}）。",
    "annualPlans.error.not-in-force": "该计划尚未生效。",
    "annualPlans.error.already-done": "该项已完成。",

    "annualPlans.quarter.header": "{year}年第{quarter}季度计划季度跟踪",
    "annualPlans.quarter.text":
      "{branch}：{year}年第{quarter}季度的年度计划项：已完成{done}项，进行中{open}项，逾期{overdue}项。",
    "annualPlans.quarter.done": "*已完成* （{count}项）",
    "annualPlans.quarter.inProgress": "*进行中* （{count}项）",
    "annualPlans.quarter.overdue": "*逾期* （{count}项）",
    "annualPlans.quarter.none": "本季度没有到期的年度计划项。",
    "annualPlans.quarter.ask": "{who}：请为每个逾期项说明原因并确定新的完成时间。",
    "annualPlans.quarter.answered": "已说明原因：{count}/{total}项。",
    "annualPlans.quarter.reason": "原因：{reason}；新的完成时间{date}",
    "annualPlans.quarter.button": "说明原因",
    "annualPlans.quarter.followUp": "{who}：{year}年第{quarter}季度仍有{count}个逾期项未说明原因。",
    "annualPlans.quarter.committeeHeader": "{year}年第{quarter}季度计划季度跟踪",
    "annualPlans.quarter.committeeText":
      "{branches}个支部，{year}年第{quarter}季度：已完成{done}/{total}项（{percent}%），逾期{overdue}项，未说明原因{missing}项。",
    "annualPlans.quarter.row":
      "• *{branch}* ：完成{percent}%（{done}/{total}）· 逾期{overdue}项 · 未说明原因{missing}项",
    "annualPlans.quarter.rowEmpty": "• *{branch}* ：本季度没有计划项",
    "annualPlans.quarter.page": "第{from}–{to}个支部，共{count}个",
    "annualPlans.quarter.home": "各支部的年度计划及各项进展见本应用的主页。",
    "annualPlans.reasons.title": "逾期项",
    "annualPlans.reasons.submit": "保存",
    "annualPlans.reasons.close": "取消",
    "annualPlans.reasons.intro":
      "{year}年第{quarter}季度：请为每个逾期项说明原因，并确定新的完成时间（晚于今天，在{year}年内）。",
    "annualPlans.reasons.reason": "原因：{title}",
    "annualPlans.reasons.date": "新的完成时间：{title}",
    "annualPlans.reasons.none": "没有待说明原因的逾期项。",
  },
);
