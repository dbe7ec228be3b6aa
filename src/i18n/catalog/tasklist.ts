import { defineArea } from "../define.ts";
import { EN_MONTHS } from "./common.ts";

const n = (p: Record<string, unknown>, key = "count"): number => Number(p[key] ?? 0);
const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

export const tasklist = defineArea(
  {
    "tasklist.period": (p) => `${EN_MONTHS[n(p, "month") - 1] ?? "?"} ${p.year}`,

    "tasklist.category.WORK_ARRANGEMENT": "Party building work arrangement",
    "tasklist.category.CONDUCT_INTEGRITY": "Party conduct and clean government",
    "tasklist.category.THEORY_STUDY": "Political theory study",
    "tasklist.category.THEME_PARTY_DAY": "Theme party day",
    "tasklist.category.ORGANIZATIONAL_LIFE": "Organizational life (three meetings and one lesson)",
    "tasklist.category.SERVICE_PROJECT": "Service project",
    "tasklist.category.OTHER": "Other",

    "tasklist.state.DRAFT": "not submitted",
    "tasklist.state.SUBMITTED": "waiting for approval",
    "tasklist.state.RETURNED": "returned",
    "tasklist.state.APPROVED": "approved",

    "tasklist.item.owner": "owner {owner}",
    "tasklist.item.due": "due {date}",
    "tasklist.item.expected": "Expected result: {text}",
    "tasklist.list.separator": ", ",

    "tasklist.button.open": "Fill in task list",
    "tasklist.button.withdraw": "Withdraw",
    "tasklist.button.withdrawAmendment": "Withdraw amendment",
    "tasklist.button.revise": "Revise",
    "tasklist.button.amend": "Amend list",
    "tasklist.button.addRow": "Add item",
    "tasklist.button.removeRow": "Remove",
    "tasklist.button.approve": "Approve",
    "tasklist.button.return": "Return",
    "tasklist.button.fullList": "Open full list",
    "tasklist.button.markDone": "Mark done",
    "tasklist.button.undo": "Undo",

    "tasklist.reminder.header": "{branch}: task list for {month}",
    "tasklist.reminder.waiting":
      "{who} please submit {branch}'s task list for {month} by *{deadline}*.",
    "tasklist.reminder.submitted":
      "Revision {revision} was submitted by {by} at {at} and is waiting for the committee.",
    "tasklist.reminder.returned":
      "Revision {revision} was returned by {decidedBy} at {decidedAt}: _{comment}_\nPlease revise it and submit again.",
    "tasklist.reminder.approved":
      "✅ The list (revision {revision}) was approved by {decidedBy} at {decidedAt}. It is this month's approved list; its items are posted in this channel.",
    "tasklist.reminder.amendmentPending":
      "An amendment is waiting for the committee; the approved list stays in force meanwhile.",
    "tasklist.reminder.amendmentReturned":
      "The amendment was returned; the approved list stays in force.",
    "tasklist.reminder.withdrawn": "Revision {revision} was withdrawn by the secretary.",
    "tasklist.reminder.carriedOver": (p) =>
      `${plural(n(p), "unfinished item", "unfinished items")} from last month will be offered as a starting point.`,
    "tasklist.reminder.thread": (p) =>
      `Replies in this thread are comments on this list (${plural(n(p), "comment", "comments")} so far).`,
    "tasklist.reminder.text.waiting":
      "{who} please submit {branch}'s task list for {month} by {deadline}.",
    "tasklist.reminder.text.submitted":
      "{branch}'s task list for {month} is waiting for the committee's approval.",
    "tasklist.reminder.text.returned":
      "{branch}'s task list for {month} was returned; please revise and submit again.",
    "tasklist.reminder.text.approved": "{branch}'s task list for {month} was approved.",

    "tasklist.modal.title": "Monthly task list",
    "tasklist.modal.item": "Item {n}",
    "tasklist.modal.intro.submit": "*{branch}* — task list for *{month}*.",
    "tasklist.modal.intro.resubmit":
      "*{branch}* — revised task list for *{month}* (revision {revision} was returned).",
    "tasklist.modal.intro.amend":
      "*{branch}* — amendment of the approved list for *{month}* (revision {revision} stays in force until the committee decides).",
    "tasklist.modal.deadline": "Due by {deadline}.",
    "tasklist.modal.range": "Due dates between {from} and {to}; at most {max} items.",
    "tasklist.modal.prefill.draft": "Restored from the draft you left unfinished.",
    "tasklist.modal.prefill.returned": "Pre-filled with the returned revision.",
    "tasklist.modal.prefill.withdrawn": "Pre-filled with the revision that was withdrawn.",
    "tasklist.modal.prefill.carried-over": "Pre-filled with last month's unfinished items.",
    "tasklist.modal.prefill.in-force": "Pre-filled with the approved list.",
    "tasklist.modal.returnComment": "*The committee's comment:*\n> {comment}",
    "tasklist.modal.submit": "Submit",
    "tasklist.modal.resubmit": "Resubmit",
    "tasklist.modal.amend": "Submit amendment",
    "tasklist.modal.close": "Cancel",

    "tasklist.field.title": "Task",
    "tasklist.field.titlePlaceholder": "What will be done",
    "tasklist.field.category": "Category",
    "tasklist.field.categoryPlaceholder": "Choose a category",
    "tasklist.field.owner": "Owner",
    "tasklist.field.ownerPlaceholder": "Who is responsible",
    "tasklist.field.ownerBranch": "{branch}",
    "tasklist.field.ownerOthers":
      "Others in the organisation (if someone outside the branch is responsible)",
    "tasklist.field.due": "Due date",
    "tasklist.field.duePlaceholder": "Pick a date",
    "tasklist.field.expected": "Expected result",

    "tasklist.committee.header": "Task list: {branch}, {month}",
    "tasklist.committee.branch": "*Branch*\n{branch}",
    "tasklist.committee.month": "*Month*\n{month}",
    "tasklist.committee.revision": "*Revision*\n{revision}",
    "tasklist.committee.revisionAmendment":
      "*Revision*\n{revision} (amendment of the approved list)",
    "tasklist.committee.submitted": "*Submitted*\n{by}, {at}",
    "tasklist.committee.category": "*{category}* ({count})",
    "tasklist.committee.late": "⏰ Submitted after the deadline.",
    "tasklist.committee.noItems": "No items.",
    "tasklist.committee.comments": (p) =>
      `💬 ${plural(n(p), "comment", "comments")} in the branch's thread.`,
    "tasklist.committee.approved": "✅ Approved by {by} at {at}.",
    "tasklist.committee.returned": "↩️ Returned by {by} at {at}: _{comment}_",
    "tasklist.committee.withdrawn": "Withdrawn by the secretary at {at}.",
    "tasklist.committee.superseded": "Superseded by a newer revision.",
    "tasklist.committee.text.pending": (p) =>
      `${p.branch}'s task list for ${p.month} (revision ${p.revision}, ${plural(n(p), "item", "items")}) is waiting for approval.`,
    "tasklist.committee.text.approved":
      "{branch}'s task list for {month} (revision {revision}) was approved.",
    "tasklist.committee.text.returned":
      "{branch}'s task list for {month} (revision {revision}) was returned.",
    "tasklist.committee.text.withdrawn":
      "{branch}'s task list for {month} (revision {revision}) was withdrawn by the secretary.",
    "tasklist.committee.text.superseded":
      "{branch}'s task list for {month} (revision {revision}) was superseded.",

    "tasklist.changes.header": "What changed since revision {since}",
    "tasklist.changes.none": "No changes to the items.",
    "tasklist.changes.added": "Added: {item}",
    "tasklist.changes.removed": "Removed: {item}",
    "tasklist.changes.changed": "Changed: {item} ({fields})",
    "tasklist.changes.unchanged": (p) => `${plural(n(p), "item", "items")} unchanged.`,

    "tasklist.returnModal.title": "Return the list",
    "tasklist.returnModal.submit": "Return",
    "tasklist.returnModal.intro":
      "Return *{branch}*'s task list for *{month}* (revision {revision}, submitted by {by}). The secretaries will see your comment and revise the list.",
    "tasklist.returnModal.label": "Comment for the branch",
    "tasklist.returnModal.placeholder": "What should be changed",

    "tasklist.full.title": "Task list",
    "tasklist.full.close": "Close",
    "tasklist.full.intro": "*{branch}* — *{month}*, revision {revision}",

    "tasklist.plan.header": "{branch}: approved list for {month}",
    "tasklist.plan.approved": "Approved by {by} at {at} (revision {revision}).",
    "tasklist.plan.completion": "Done {done} of {total} ({percent}%).",
    "tasklist.plan.doneBy": "done by {by}",
    "tasklist.plan.amendmentPending":
      "An amendment is waiting for the committee; this list stays in force meanwhile.",
    "tasklist.plan.closed": "The month is over; this list is closed.",
    "tasklist.plan.text": "{branch}'s approved list for {month}: done {done} of {total}.",

    "tasklist.returned.header": "Task list for {month} returned",
    "tasklist.returned.headerAmendment": "Amendment for {month} returned",
    "tasklist.returned.body":
      "{who} the committee returned revision {revision} of {branch}'s list ({by}, {at}). Please revise it and submit again:",
    "tasklist.returned.resubmitted": "Revised and submitted again as revision {revision}.",
    "tasklist.returned.text": "{branch}'s task list for {month} was returned by {by}: {comment}",

    "tasklist.dm.approved.text": "{branch}'s task list for {month} was approved by {by}.",
    "tasklist.dm.approved.body":
      "✅ {branch}'s task list for {month} (revision {revision}) was approved by {by} at {at}. The approved list is posted in {channel}.",
    "tasklist.dm.returned.text": "{branch}'s task list for {month} was returned by {by}: {comment}",
    "tasklist.dm.returned.body":
      "↩️ {branch}'s task list for {month} (revision {revision}) was returned by {by} at {at} with this comment:",

    "tasklist.followUp.notSubmitted":
      "{who} a reminder: {branch}'s task list for {month} has not been submitted yet. It is due by {deadline}.",
    "tasklist.followUp.returned":
      "{who} a reminder: {branch}'s returned task list for {month} has not been submitted again yet. It is due by {deadline}.",

    "tasklist.overdue.header": "Task lists overdue for {month}",
    "tasklist.overdue.intro": (p) =>
      `${plural(n(p), "branch has", "branches have")} not submitted a list for ${p.month} by the deadline (${p.deadline}):`,
    "tasklist.overdue.rowMissing": "• *{branch}* ({channel}) — not submitted",
    "tasklist.overdue.rowReturned": "• *{branch}* ({channel}) — returned, not resubmitted",
    "tasklist.overdue.none":
      "Every branch submitted its task list for {month} by the deadline ({deadline}).",
    "tasklist.overdue.text": (p) =>
      `${plural(n(p), "branch has", "branches have")} not submitted a task list for ${p.month}.`,

    "tasklist.waiting.intro": (p) =>
      `${plural(n(p), "task list has", "task lists have")} been waiting for a decision longer than ${p.hours} hours:`,
    "tasklist.waiting.row": "• *{branch}*, {month}, revision {revision} — waiting {hours} h",
    "tasklist.waiting.open": "open",
    "tasklist.waiting.text": (p) =>
      `${plural(n(p), "task list is", "task lists are")} waiting for approval longer than ${p.hours} hours.`,

    "tasklist.summary.header": "Month-end summary: {month}",
    "tasklist.summary.totals":
      "{branches} branches · {approved} approved · {onTime} on time · {done} of {total} items done",
    "tasklist.summary.onTime": "on time",
    "tasklist.summary.late": "late",
    "tasklist.summary.notSubmitted": "not submitted",
    "tasklist.summary.done": "done {done}/{total} ({percent}%)",
    "tasklist.summary.noPlan": "no approved list",
    "tasklist.summary.text":
      "Month-end summary for {month}: {approved} of {branches} lists approved, {done} of {total} items done.",

    "tasklist.input.titleRequired": "Enter the task.",
    "tasklist.input.titleTooLong": "Keep the task under 150 characters.",
    "tasklist.input.categoryRequired": "Choose a category.",
    "tasklist.input.ownerInvalid": "Choose a person from the workspace.",
    "tasklist.input.dueInvalid": "Pick a valid date.",
    "tasklist.input.dueTooEarly": "The due date can't be before {min}.",
    "tasklist.input.dueTooLate": "The due date can't be after {max}.",
    "tasklist.input.expectedTooLong": "Keep the expected result under 500 characters.",
    "tasklist.input.tooMany": "At most {max} items; remove this one or merge items.",
    "tasklist.input.noItems": "Add at least one item.",
    "tasklist.input.commentRequired": "Say why the list is returned.",

    "tasklist.error.not-secretary": "only the branch's secretaries can submit or change its list.",
    "tasklist.error.not-committee": "only committee members can approve or return lists.",
    "tasklist.error.own-branch":
      "you are a secretary of this branch, so another committee member must decide on its list.",
    "tasklist.error.own-submission":
      "you submitted this revision, so another committee member must decide on it.",
    "tasklist.error.already-submitted": "the list was already submitted.",
    "tasklist.error.already-decided": "this revision has already been decided.",
    "tasklist.error.nothing-to-withdraw": "no revision is waiting for the committee.",
    "tasklist.error.nothing-to-decide": "no revision is waiting for a decision.",
    "tasklist.error.not-returned": "the list has not been returned.",
    "tasklist.error.not-approved": "the list has not been approved yet.",
    "tasklist.error.amendment-pending": "an amendment is already waiting for the committee.",
    "tasklist.error.stale-revision": "a newer revision of this list exists.",
    "tasklist.error.comment-required": "a comment is required to return a list.",
    "tasklist.error.not-secretary-or-owner":
      "only the branch's secretaries and the item's owner can mark it.",
    "tasklist.error.not-in-force": "this item is not on the approved list.",
    "tasklist.error.not-found": "this task list no longer exists.",
    "tasklist.error.invalid":
      "this message or form is out of date; open the list again from the latest message.",
    "tasklist.error.busy":
      "the list was being changed by others at the same moment; please try again.",
    "tasklist.error.already-approved":
      "this list has already been approved, so there is nothing to submit; to change it, use Amend list on the approved list in the branch channel.",
  },
  {
    "tasklist.period": "{year}年{month}月",

    "tasklist.category.WORK_ARRANGEMENT": "党建工作安排",
    "tasklist.category.CONDUCT_INTEGRITY": "党风廉政建设",
    "tasklist.category.THEORY_STUDY": "政治理论学习",
    "tasklist.category.THEME_PARTY_DAY": "主题党日活动",
    "tasklist.category.ORGANIZATIONAL_LIFE": "组织生活（三会一课）",
    "tasklist.category.SERVICE_PROJECT": "为民服务项目",
    "tasklist.category.OTHER": "其他",

    "tasklist.state.DRAFT": "未报送",
    "tasklist.state.SUBMITTED": "待审核",
    "tasklist.state.RETURNED": "已退回",
    "tasklist.state.APPROVED": "已通过",

    "tasklist.item.owner": "责任人：{owner}",
    "tasklist.item.due": "完成时限：{date}",
    "tasklist.item.expected": "预期成效：{text}",
    "tasklist.list.separator": "、",

    "tasklist.button.open": "填报任务清单",
    "tasklist.button.withdraw": "撤回",
    "tasklist.button.withdrawAmendment": "撤回调整申请",
    "tasklist.button.revise": "修改后重新报送",
    "tasklist.button.amend": "调整清单",
    "tasklist.button.addRow": "添加任务",
    "tasklist.button.removeRow": "删除",
    "tasklist.button.approve": "通过",
    "tasklist.button.return": "退回",
    "tasklist.button.fullList": "查看完整清单",
    "tasklist.button.markDone": "标记完成",
    "tasklist.button.undo": "撤销完成",

    "tasklist.reminder.header": "{branch}{month}任务清单",
    "tasklist.reminder.waiting": "{who} 请于 *{deadline}* 前报送{branch}{month}任务清单。",
    "tasklist.reminder.submitted": "第{revision}版已由{by}于{at}报送，正在等待机关党委审核。",
    "tasklist.reminder.returned":
      "第{revision}版已被{decidedBy}于{decidedAt}退回： _{comment}_\n请修改后重新报送。",
    "tasklist.reminder.approved":
      "✅ 任务清单（第{revision}版）已由{decidedBy}于{decidedAt}审核通过，作为本月已通过的清单，具体任务已发布在本频道。",
    "tasklist.reminder.amendmentPending": "调整申请正在等待机关党委审核，审核期间原清单继续有效。",
    "tasklist.reminder.amendmentReturned": "调整申请已被退回，原清单继续有效。",
    "tasklist.reminder.withdrawn": "第{revision}版已由支部书记撤回。",
    "tasklist.reminder.carriedOver": "上月未完成的{count}项任务将作为本月清单的初稿。",
    "tasklist.reminder.thread": "在本消息下回复即为对本月清单的意见（目前{count}条）。",
    "tasklist.reminder.text.waiting": "{who} 请于{deadline}前报送{branch}{month}任务清单。",
    "tasklist.reminder.text.submitted": "{branch}{month}任务清单已报送，等待机关党委审核。",
    "tasklist.reminder.text.returned": "{branch}{month}任务清单已被退回，请修改后重新报送。",
    "tasklist.reminder.text.approved": "{branch}{month}任务清单已审核通过。",

    "tasklist.modal.title": "月度任务清单",
    "tasklist.modal.item": "任务{n}",
    "tasklist.modal.intro.submit": "*{branch}* {month}任务清单",
    "tasklist.modal.intro.resubmit": "*{branch}* {month}任务清单（第{revision}版已退回，请修改）",
    "tasklist.modal.intro.amend":
      "*{branch}* {month}任务清单调整（机关党委审核前，第{revision}版继续有效）",
    "tasklist.modal.deadline": "报送截止时间：{deadline}。",
    "tasklist.modal.range": "完成时限须在{from}至{to}之间；最多{max}项任务。",
    "tasklist.modal.prefill.draft": "已恢复您上次未填完的草稿。",
    "tasklist.modal.prefill.returned": "已按退回的版本预先填写。",
    "tasklist.modal.prefill.withdrawn": "已按撤回的版本预先填写。",
    "tasklist.modal.prefill.carried-over": "已预先填入上月未完成的任务。",
    "tasklist.modal.prefill.in-force": "已按已通过的清单预先填写。",
    "tasklist.modal.returnComment": "*机关党委退回意见：*\n> {comment}",
    "tasklist.modal.submit": "报送",
    "tasklist.modal.resubmit": "重新报送",
    "tasklist.modal.amend": "报送调整",
    "tasklist.modal.close": "取消",

    "tasklist.field.title": "任务内容",
    "tasklist.field.titlePlaceholder": "要做的工作",
    "tasklist.field.category": "类别",
    "tasklist.field.categoryPlaceholder": "选择类别",
    "tasklist.field.owner": "责任人",
    "tasklist.field.ownerPlaceholder": "选择责任人",
    "tasklist.field.ownerBranch": "{branch}",
    "tasklist.field.ownerOthers": "其他人员（责任人不在本支部时选择）",
    "tasklist.field.due": "完成时限",
    "tasklist.field.duePlaceholder": "选择日期",
    "tasklist.field.expected": "预期成效",

    "tasklist.committee.header": "任务清单：{branch}{month}",
    "tasklist.committee.branch": "*支部*\n{branch}",
    "tasklist.committee.month": "*月份*\n{month}",
    "tasklist.committee.revision": "*版本*\n第{revision}版",
    "tasklist.committee.revisionAmendment": "*版本*\n第{revision}版（已通过清单的调整）",
    "tasklist.committee.submitted": "*报送*\n{by}，{at}",
    "tasklist.committee.category": "*{category}* · {count}项",
    "tasklist.committee.late": "⏰ 逾期报送。",
    "tasklist.committee.noItems": "无任务。",
    "tasklist.committee.comments": "💬 支部讨论串中有{count}条意见。",
    "tasklist.committee.approved": "✅ {by}于{at}审核通过。",
    "tasklist.committee.returned": "↩️ {by}于{at}退回： _{comment}_",
    "tasklist.committee.withdrawn": "支部书记已于{at}撤回。",
    "tasklist.committee.superseded": "已被更新的版本取代。",
    "tasklist.committee.text.pending":
      "{branch}{month}任务清单（第{revision}版，共{count}项）待审核。",
    "tasklist.committee.text.approved": "{branch}{month}任务清单（第{revision}版）已审核通过。",
    "tasklist.committee.text.returned": "{branch}{month}任务清单（第{revision}版）已退回。",
    "tasklist.committee.text.withdrawn":
      "{branch}{month}任务清单（第{revision}版）已由支部书记撤回。",
    "tasklist.committee.text.superseded":
      "{branch}{month}任务清单（第{revision}版）已被新版本取代。",

    "tasklist.changes.header": "与第{since}版相比的变化",
    "tasklist.changes.none": "任务没有变化。",
    "tasklist.changes.added": "新增：{item}",
    "tasklist.changes.removed": "删除：{item}",
    "tasklist.changes.changed": "修改：{item}（{fields}）",
    "tasklist.changes.unchanged": "其余{count}项未变。",

    "tasklist.returnModal.title": "退回任务清单",
    "tasklist.returnModal.submit": "退回",
    "tasklist.returnModal.intro":
      "退回 *{branch}* *{month}* 任务清单（第{revision}版，{by}报送）。支部书记将看到您的意见并修改清单。",
    "tasklist.returnModal.label": "退回意见",
    "tasklist.returnModal.placeholder": "需要修改的内容",

    "tasklist.full.title": "任务清单全文",
    "tasklist.full.close": "关闭",
    "tasklist.full.intro": "*{branch}* {month}，第{revision}版",

    "tasklist.plan.header": "{branch}{month}任务清单（已通过）",
    "tasklist.plan.approved": "{by}于{at}审核通过（第{revision}版）。",
    "tasklist.plan.completion": "已完成{done}/{total}项（{percent}%）。",
    "tasklist.plan.doneBy": "{by}标记完成",
    "tasklist.plan.amendmentPending": "调整申请正在等待机关党委审核，审核期间本清单继续有效。",
    "tasklist.plan.closed": "本月已结束，清单已关闭。",
    "tasklist.plan.text": "{branch}{month}任务清单（已通过）：已完成{done}/{total}项。",

    "tasklist.returned.header": "{month}任务清单已退回",
    "tasklist.returned.headerAmendment": "{month}任务清单调整已退回",
    "tasklist.returned.body":
      "{who} 机关党委退回了{branch}第{revision}版清单（{by}，{at}），请按以下意见修改后重新报送：",
    "tasklist.returned.resubmitted": "已修改并重新报送为第{revision}版。",
    "tasklist.returned.text": "{branch}{month}任务清单被{by}退回：{comment}",

    "tasklist.dm.approved.text": "{branch}{month}任务清单已由{by}审核通过。",
    "tasklist.dm.approved.body":
      "✅ {branch}{month}任务清单（第{revision}版）已由{by}于{at}审核通过，已通过的清单已发布在{channel}。",
    "tasklist.dm.returned.text": "{branch}{month}任务清单被{by}退回：{comment}",
    "tasklist.dm.returned.body":
      "↩️ {branch}{month}任务清单（第{revision}版）被{by}于{at}退回，意见如下：",

    "tasklist.followUp.notSubmitted":
      "{who} 提醒：{branch}{month}任务清单尚未报送，截止时间为{deadline}。",
    "tasklist.followUp.returned":
      "{who} 提醒：{branch}{month}任务清单退回后尚未重新报送，截止时间为{deadline}。",

    "tasklist.overdue.header": "{month}任务清单逾期未报",
    "tasklist.overdue.intro": "截至{deadline}，以下{count}个支部未报送{month}任务清单：",
    "tasklist.overdue.rowMissing": "• *{branch}* · {channel}：未报送",
    "tasklist.overdue.rowReturned": "• *{branch}* · {channel}：已退回，尚未重新报送",
    "tasklist.overdue.none": "各支部均已在截止时间（{deadline}）前报送{month}任务清单。",
    "tasklist.overdue.text": "{count}个支部未按时报送{month}任务清单。",

    "tasklist.waiting.intro": "以下{count}份任务清单等待审核已超过{hours}小时：",
    "tasklist.waiting.row": "• *{branch}* {month}，第{revision}版，已等待{hours}小时",
    "tasklist.waiting.open": "查看",
    "tasklist.waiting.text": "{count}份任务清单等待审核已超过{hours}小时。",

    "tasklist.summary.header": "{month}月末小结",
    "tasklist.summary.totals":
      "共{branches}个支部 · {approved}个已通过 · {onTime}个按时报送 · 完成任务{done}/{total}项",
    "tasklist.summary.onTime": "按时报送",
    "tasklist.summary.late": "逾期报送",
    "tasklist.summary.notSubmitted": "未报送",
    "tasklist.summary.done": "完成{done}/{total}项（{percent}%）",
    "tasklist.summary.noPlan": "无已通过的清单",
    "tasklist.summary.text":
      "{month}月末小结：{branches}个支部中{approved}个清单已通过，完成任务{done}/{total}项。",

    "tasklist.input.titleRequired": "请填写任务内容。",
    "tasklist.input.titleTooLong": "任务内容请控制在150字以内。",
    "tasklist.input.categoryRequired": "请选择类别。",
    "tasklist.input.ownerInvalid": "请从工作区中选择责任人。",
    "tasklist.input.dueInvalid": "请选择有效日期。",
    "tasklist.input.dueTooEarly": "完成时限不能早于{min}。",
    "tasklist.input.dueTooLate": "完成时限不能晚于{max}。",
    "tasklist.input.expectedTooLong": "预期成效请控制在500字以内。",
    "tasklist.input.tooMany": "最多{max}项任务，请删除或合并。",
    "tasklist.input.noItems": "请至少填写一项任务。",
    "tasklist.input.commentRequired": "请填写退回意见。",

    "tasklist.error.not-secretary": "只有本支部书记可以报送或修改本支部清单。",
    "tasklist.error.not-committee": "只有机关党委委员可以审核或退回清单。",
    "tasklist.error.own-branch": "您是该支部书记，须由其他机关党委委员审核。",
    "tasklist.error.own-submission": "该版本由您报送，须由其他机关党委委员审核。",
    "tasklist.error.already-submitted": "清单已报送。",
    "tasklist.error.already-decided": "该版本已审核。",
    "tasklist.error.nothing-to-withdraw": "没有待审核的版本可撤回。",
    "tasklist.error.nothing-to-decide": "没有待审核的版本。",
    "tasklist.error.not-returned": "清单未被退回。",
    "tasklist.error.not-approved": "清单尚未审核通过。",
    "tasklist.error.amendment-pending": "已有调整申请正在等待机关党委审核。",
    "tasklist.error.stale-revision": "该清单已有更新的版本。",
    "tasklist.error.comment-required": "退回清单须填写意见。",
    "tasklist.error.not-secretary-or-owner": "只有本支部书记和任务责任人可以标记。",
    "tasklist.error.not-in-force": "该任务不在已通过的清单中。",
    "tasklist.error.not-found": "该任务清单已不存在。",
    "tasklist.error.invalid": "该消息或表单已过期，请从最新消息重新打开清单。",
    "tasklist.error.busy": "其他人正在同时修改该清单，请重试。",
    "tasklist.error.already-approved":
      "该清单已审核通过，无需再报送；如需调整，请使用支部频道中已通过清单的“调整清单”按钮。",
  },
);
