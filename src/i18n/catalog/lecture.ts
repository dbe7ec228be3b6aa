import { defineArea } from "../define.ts";
import { EN_MONTHS } from "./common.ts";

const EN_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ZH_WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
type Params = Record<string, unknown>;
const n = (value: unknown): number => Number(value);

/** Params: year, month (1–12), day, weekday (0 = Sunday). */
const enDate = (p: Params) =>
  `${EN_WEEKDAYS[n(p.weekday)]} ${n(p.day)} ${EN_MONTHS[n(p.month) - 1]} ${p.year}`;
const zhDate = (p: Params) =>
  `${p.year}年${n(p.month)}月${n(p.day)}日（${ZH_WEEKDAYS[n(p.weekday)]}）`;

export const lecture = defineArea(
  {
    "lecture.name": "Cadre Capacity Lecture Hall",
    "lecture.date": enDate,
    "lecture.when": (p) => `${enDate(p)}, ${p.time}`,
    "lecture.month": (p) => `${EN_MONTHS[n(p.month) - 1]} ${p.year}`,
    "lecture.list.separator": ", ",

    "lecture.notice.header": "Lecture hall: {date}",
    "lecture.notice.headerNumbered": "Lecture hall no. {seq}: {date}",
    "lecture.notice.text": "Lecture hall on {when}. Speaker: {speakers}.",
    "lecture.notice.when": "*When:* {when}",
    "lecture.notice.place": "*Where:* {place}",
    "lecture.notice.speaker": "*Speaker:* {speakers}",
    "lecture.notice.speakers": "*Speakers:* {speakers}",
    "lecture.notice.topic": "*Topic:* {topic}",
    "lecture.notice.topicOf": "*Topic ({speaker}):* {topic}",
    "lecture.notice.topicPending": "Topic to be announced.",
    "lecture.notice.updated": "Updated: the speakers have changed.",
    "lecture.notice.cancelled": "This session is cancelled.",
    "lecture.notice.cancelledText": "The lecture hall on {when} is cancelled.",
    "lecture.notice.footer": "The coming order: `/pbb lectures`.",

    "lecture.dm.weekAhead": "You speak at the lecture hall in a week: {when}.",
    "lecture.dm.dayBefore": "Reminder: you speak at the lecture hall tomorrow, {when}.",
    "lecture.dm.over":
      "The lecture of {when} is over: its buttons are closed. Thank you for speaking.",
    "lecture.dm.assigned": "You are the speaker at the lecture hall on {when}.",
    "lecture.dm.withOthers": "Speaking with you: {speakers}.",
    "lecture.dm.topic": "Your topic: {topic}",
    "lecture.dm.noTopic": "No topic submitted yet.",
    "lecture.dm.confirmed": "✅ You confirmed. Thank you!",
    "lecture.dm.pleaseConfirm": "Please confirm, submit your topic, or ask for a swap.",
    "lecture.dm.swapPending": "Swap requested with {colleague}; waiting for their answer.",
    "lecture.dm.swappedOut": "Your turn on {when} went to {colleague} in a swap.",
    "lecture.dm.dropped":
      "You are off the {when} session; {replacement} speaks instead. You keep priority for the next session.",
    "lecture.dm.droppedNoReplacement":
      "You are off the {when} session. You keep priority for the next session.",

    "lecture.button.confirm": "Confirm",
    "lecture.button.topic": "Submit topic",
    "lecture.button.swap": "Ask for a swap",
    "lecture.button.drop": "Can't make it",
    "lecture.button.accept": "Accept",
    "lecture.button.decline": "Decline",
    "lecture.button.away": "Set away dates",
    "lecture.drop.confirmTitle": "Can't make it?",
    "lecture.drop.confirmText":
      "The next colleague in line takes your slot; you keep priority for the next session.",
    "lecture.drop.confirmYes": "Yes, give up my turn",
    "lecture.drop.confirmNo": "Keep my turn",

    "lecture.modal.close": "Cancel",
    "lecture.modal.submit": "Submit",
    "lecture.topic.title": "Submit topic",
    "lecture.topic.intro": "Your lecture on {when}.",
    "lecture.topic.label": "Topic",
    "lecture.topic.placeholder": "e.g. How our branch runs its monthly study",
    "lecture.topic.required": "Please enter a topic.",
    "lecture.topic.tooLong": "Keep the topic to {max} characters.",

    "lecture.swap.title": "Ask for a swap",
    "lecture.swap.submit": "Send request",
    "lecture.swap.intro":
      "Your turn on {when}. Pick a colleague to exchange turns with; they will be asked to accept.",
    "lecture.swap.label": "Colleague",
    "lecture.swap.placeholder": "Choose a colleague",
    "lecture.swap.nobody":
      "Nobody is available to swap with right now. You can still say you can't make it.",
    "lecture.swap.required": "Please choose a colleague.",
    "lecture.swap.notSelf": "Choose someone other than yourself.",
    "lecture.swap.notAllowed": "This colleague can't take your turn; choose someone from the list.",
    "lecture.swap.theirTurn": "their turn on {date}",
    "lecture.swap.noTurn": "next in line",
    "lecture.swap.option": "{name} ({detail})",

    "lecture.swapRequest.text": "{requester} asks to swap lecture-hall turns with you.",
    "lecture.swapRequest.body": "{requester} asks you to take their turn on {when}.",
    "lecture.swapRequest.yourTurn": "They would take your turn on {date}.",
    "lecture.swapRequest.noTurn": "They would take your place in the rotation.",
    "lecture.swapRequest.expires": "Please answer by {when}.",
    "lecture.swapRequest.accepted": "✅ You accepted: you now speak on {when}.",
    "lecture.swapRequest.declined": "You declined the swap.",
    "lecture.swapRequest.expired": "This swap request has expired.",

    "lecture.swapOutcome.accepted": "✅ {colleague} accepted the swap: they speak on {when}.",
    "lecture.swapOutcome.acceptedNewDate": "Your turn is now on {date}.",
    "lecture.swapOutcome.acceptedQueue": "You take their place in the rotation.",
    "lecture.swapOutcome.declined": "{colleague} declined the swap. Your turn on {when} stands.",
    "lecture.swapOutcome.expired":
      "{colleague} did not answer in time. Your turn on {when} stands.",

    "lecture.away.title": "Away dates",
    "lecture.away.submit": "Save",
    "lecture.away.intro":
      "While you are away you are skipped without losing your turn; you go first when back.",
    "lecture.away.from": "From",
    "lecture.away.to": "To (inclusive)",
    "lecture.away.fromRequired": "Choose the first day away.",
    "lecture.away.toRequired": "Choose the last day away.",
    "lecture.away.toBeforeFrom": "The last day can't be before the first.",
    "lecture.away.tooLong": "An absence can last at most a year.",
    "lecture.away.past": "The last day is already past.",
    "lecture.away.tooFar": "The first day must be within a year from today.",

    "lecture.summary.header": "Lecture hall",
    "lecture.summary.text": "Lecture hall: next sessions and history.",
    "lecture.summary.upcoming": "*Next sessions*",
    "lecture.summary.none": "No sessions scheduled.",
    "lecture.summary.line": "{date}: {speakers}",
    "lecture.summary.skipped": "{date}: no session ({reason})",
    "lecture.summary.moved": "{date} (moved from {from}): {speakers}",
    "lecture.summary.unassigned": "to be assigned",
    "lecture.summary.order": "*Coming order*",
    "lecture.summary.history": "*History*",
    "lecture.summary.held": "Sessions held: {count}",
    "lecture.summary.distinct": "Speakers so far: {count}",
    "lecture.summary.turns": "*Turns per person*",
    "lecture.summary.turnLine": (p) =>
      `${p.who}: ${n(p.count) === 1 ? "1 turn" : `${p.count} turns`}`,
    "lecture.summary.more": "…and {count} more.",

    "lecture.skip.publicHoliday": "public holiday",
    "lecture.skip.publicHolidayNamed": "{en}",
    "lecture.skip.orgHoliday": "day off",

    "lecture.reason.firstInCycle": "first in round {cycle}",
    "lecture.reason.inOrder": "next in round {cycle}",
    "lecture.reason.joined": "joined during round {cycle}",
    "lecture.reason.keptPriority": "kept priority after dropping on {date}",
    "lecture.reason.backFromAbsence": "back from absence",
    "lecture.reason.swapMakeUp": "make-up after a swap on {date}",
    "lecture.reason.carriedOver": "turn carried over from round {cycle}",

    "lecture.classRep.text": "You are the class representative of {branch} for {period}.",
    "lecture.classRep.weekly": "the week of {date}",
    "lecture.classRep.monthly": "{month}",
    "lecture.classRep.body":
      "You are the class representative of *{branch}* for {period}: lead the branch's study, share the materials, and report back.",
    "lecture.classRep.confirmed": "✅ You confirmed. Thank you!",
    "lecture.classRep.dropped": "You are off this time; you keep priority for the next turn.",

    "lecture.dm.awayHint":
      "Away soon? Give your away dates: you are skipped without losing your turn.",

    "lecture.command.describe":
      "lecture hall: next sessions, coming order and history (also `calendar`, `not-held <date>`)",
    "lecture.command.usage":
      "Usage: `/pbb lectures`, `/pbb lectures calendar [revoke]`, `/pbb lectures calendar rotate` (system admins), `/pbb lectures not-held <YYYY-MM-DD>` (system admins; `held` undoes it).",
    "lecture.calendar.urls":
      "Your lecture-hall calendar (your turns only): {personal}\nThe whole schedule: {schedule}\nThese links are shown only now: keep them to yourself; `/pbb lectures calendar revoke` replaces them.",
    "lecture.calendar.personalNew":
      "Your lecture-hall calendar (your turns only): {personal}\nThis link is shown only now: keep it to yourself. Your whole-schedule link made earlier still works.",
    "lecture.calendar.scheduleNew":
      "The whole-schedule calendar links were renewed. Yours: {schedule}\nThis link is shown only now: keep it to yourself. Your own calendar link made earlier still works.",
    "lecture.calendar.existing":
      "You already have your calendar links: they were shown once, when they were made, and the bot keeps no copy it could show again. Lost them? `/pbb lectures calendar revoke` makes new ones (the old ones stop working).",
    "lecture.calendar.revoked":
      "Your old calendar links no longer work. Your new links, shown only now — your turns only: {personal}\nThe whole schedule: {schedule}",
    "lecture.calendar.rotateRefused": "Only system admins can renew the whole-schedule links.",
    "lecture.calendar.rotated":
      "All whole-schedule calendar links were revoked ({count}). Roster and committee members get a new one with `/pbb lectures calendar`.",
    "lecture.feed.name": "Lecture hall",
    "lecture.feed.personalName": "Lecture hall: my turns",
    "lecture.feed.summary": "Lecture hall: {speakers}",
    "lecture.feed.topic": "Topic: {topic}",
    "lecture.feed.unassigned": "speaker to be assigned",
    "lecture.notHeld.done": "Recorded: the session on {date} was not held; it does not count.",
    "lecture.held.done": "Recorded: the session on {date} was held.",

    "lecture.error.not-found": "this turn or request no longer exists.",
    "lecture.error.no-lecture-hall": "the lecture hall is not set up.",
    "lecture.error.not-your-turn": "only this turn's speaker can answer for it.",
    "lecture.error.turn-closed": "this turn is no longer yours (it was swapped or given up).",
    "lecture.error.session-started": "the session has already started.",
    "lecture.error.swap-pending": "a swap request for this turn is still waiting for an answer.",
    "lecture.error.not-the-colleague": "only the colleague who was asked can answer this request.",
    "lecture.error.swap-closed": "this request was already answered.",
    "lecture.error.swap-expired": "this request has expired; the speaker keeps the turn.",
    "lecture.error.swap-unavailable":
      "the exchange is no longer possible: one of the turns changed meanwhile.",
    "lecture.error.not-admin": "only system admins can record whether a session was held.",
    "lecture.error.not-on-roster":
      "calendar links are for people on the lecture-hall roster and on the committee.",
    "lecture.error.session-not-over": "that session has not taken place yet.",
    "lecture.error.bad-date": "there is no lecture-hall session on that date.",
    "lecture.error.busy": "others were changing the rotation at the same moment; please try again.",
  },
  {
    "lecture.name": "干部能力提升大讲堂",
    "lecture.date": zhDate,
    "lecture.when": (p) => `${zhDate(p)}${p.time}`,
    "lecture.month": (p) => `${p.year}年${n(p.month)}月`,
    "lecture.list.separator": "、",

    "lecture.notice.header": "干部能力提升大讲堂：{date}",
    "lecture.notice.headerNumbered": "干部能力提升大讲堂第{seq}期：{date}",
    "lecture.notice.text": "干部能力提升大讲堂定于{when}举行，主讲人：{speakers}。",
    "lecture.notice.when": "*时间：* {when}",
    "lecture.notice.place": "*地点：* {place}",
    "lecture.notice.speaker": "*主讲人：* {speakers}",
    "lecture.notice.speakers": "*主讲人：* {speakers}",
    "lecture.notice.topic": "*题目：* {topic}",
    "lecture.notice.topicOf": "*{speaker}的题目：* {topic}",
    "lecture.notice.topicPending": "题目待定。",
    "lecture.notice.updated": "已更新：主讲人有变动。",
    "lecture.notice.cancelled": "本期大讲堂取消。",
    "lecture.notice.cancelledText": "{when}的干部能力提升大讲堂取消。",
    "lecture.notice.footer": "后续安排请查看 `/pbb lectures`。",

    "lecture.dm.weekAhead": "您将于{when}在干部能力提升大讲堂主讲，距今还有一周。",
    "lecture.dm.dayBefore": "提醒：您将于明天{when}在干部能力提升大讲堂主讲。",
    "lecture.dm.over": "{when}的大讲堂已经结束，相关按钮已关闭。感谢您的主讲。",
    "lecture.dm.assigned": "您是{when}干部能力提升大讲堂的主讲人。",
    "lecture.dm.withOthers": "同场主讲：{speakers}。",
    "lecture.dm.topic": "您的题目：{topic}",
    "lecture.dm.noTopic": "尚未提交题目。",
    "lecture.dm.confirmed": "✅ 您已确认，谢谢！",
    "lecture.dm.pleaseConfirm": "请确认参加、提交题目，或申请调换。",
    "lecture.dm.swapPending": "已向{colleague}申请调换，等待对方答复。",
    "lecture.dm.swappedOut": "您在{when}的主讲已与{colleague}调换。",
    "lecture.dm.dropped": "您已不参加{when}的大讲堂，由{replacement}主讲。下一期您优先安排。",
    "lecture.dm.droppedNoReplacement": "您已不参加{when}的大讲堂。下一期您优先安排。",

    "lecture.button.confirm": "确认",
    "lecture.button.topic": "提交题目",
    "lecture.button.swap": "申请调换",
    "lecture.button.drop": "无法参加",
    "lecture.button.accept": "同意",
    "lecture.button.decline": "拒绝",
    "lecture.button.away": "登记请假",
    "lecture.drop.confirmTitle": "确定无法参加？",
    "lecture.drop.confirmText": "将由下一位同事接替本期主讲，下一期您优先安排。",
    "lecture.drop.confirmYes": "确定",
    "lecture.drop.confirmNo": "保留主讲",

    "lecture.modal.close": "取消",
    "lecture.modal.submit": "提交题目",
    "lecture.topic.title": "提交题目",
    "lecture.topic.intro": "您在{when}的主讲。",
    "lecture.topic.label": "题目",
    "lecture.topic.placeholder": "例如：支部如何开展月度集中学习",
    "lecture.topic.required": "请填写题目。",
    "lecture.topic.tooLong": "题目请不超过{max}个字。",

    "lecture.swap.title": "申请调换",
    "lecture.swap.submit": "发送申请",
    "lecture.swap.intro": "您的主讲时间为{when}。请选择一位同事调换，对方同意后生效。",
    "lecture.swap.label": "同事",
    "lecture.swap.placeholder": "请选择同事",
    "lecture.swap.nobody": "目前没有可调换的同事。如确实无法参加，可选择“无法参加”。",
    "lecture.swap.required": "请选择一位同事。",
    "lecture.swap.notSelf": "请选择其他同事。",
    "lecture.swap.notAllowed": "该同事无法与您调换，请从列表中选择。",
    "lecture.swap.theirTurn": "其主讲时间{date}",
    "lecture.swap.noTurn": "按顺序排在后面",
    "lecture.swap.option": "{name}（{detail}）",

    "lecture.swapRequest.text": "{requester}申请与您调换大讲堂主讲。",
    "lecture.swapRequest.body": "{requester}请您接替其{when}的主讲。",
    "lecture.swapRequest.yourTurn": "对方将接替您{date}的主讲。",
    "lecture.swapRequest.noTurn": "对方将接替您在轮值中的位置。",
    "lecture.swapRequest.expires": "请于{when}前答复。",
    "lecture.swapRequest.accepted": "✅ 您已同意：您将于{when}主讲。",
    "lecture.swapRequest.declined": "您已拒绝调换。",
    "lecture.swapRequest.expired": "该调换申请已过期。",

    "lecture.swapOutcome.accepted": "✅ {colleague}已同意调换，将于{when}主讲。",
    "lecture.swapOutcome.acceptedNewDate": "您的主讲时间改为{date}。",
    "lecture.swapOutcome.acceptedQueue": "您接替其在轮值中的位置。",
    "lecture.swapOutcome.declined": "{colleague}拒绝了调换，您{when}的主讲不变。",
    "lecture.swapOutcome.expired": "{colleague}未按时答复，您{when}的主讲不变。",

    "lecture.away.title": "登记请假",
    "lecture.away.submit": "保存",
    "lecture.away.intro": "请假期间轮空，不影响您的主讲顺序，返回后优先安排。",
    "lecture.away.from": "开始日期",
    "lecture.away.to": "结束日期（含）",
    "lecture.away.fromRequired": "请选择开始日期。",
    "lecture.away.toRequired": "请选择结束日期。",
    "lecture.away.toBeforeFrom": "结束日期不能早于开始日期。",
    "lecture.away.tooLong": "请假时间最长一年。",
    "lecture.away.past": "结束日期已过。",
    "lecture.away.tooFar": "开始日期须在一年以内。",

    "lecture.summary.header": "干部能力提升大讲堂",
    "lecture.summary.text": "干部能力提升大讲堂：近期安排与统计。",
    "lecture.summary.upcoming": "*近期安排*",
    "lecture.summary.none": "暂无安排。",
    "lecture.summary.line": "{date}：{speakers}",
    "lecture.summary.skipped": "{date}：停讲（{reason}）",
    "lecture.summary.moved": "{date}（由{from}改期）：{speakers}",
    "lecture.summary.unassigned": "待安排",
    "lecture.summary.order": "*后续顺序*",
    "lecture.summary.history": "*统计*",
    "lecture.summary.held": "已举办：{count}期",
    "lecture.summary.distinct": "已登台：{count}人",
    "lecture.summary.turns": "*个人主讲次数*",
    "lecture.summary.turnLine": "{who}：{count}次",
    "lecture.summary.more": "……另有{count}人。",

    "lecture.skip.publicHoliday": "法定节假日",
    "lecture.skip.publicHolidayNamed": "{zh}",
    "lecture.skip.orgHoliday": "单位休息日",

    "lecture.reason.firstInCycle": "第{cycle}轮首位",
    "lecture.reason.inOrder": "第{cycle}轮按序",
    "lecture.reason.joined": "第{cycle}轮新加入",
    "lecture.reason.keptPriority": "{date}无法参加，保留优先",
    "lecture.reason.backFromAbsence": "请假返回，优先安排",
    "lecture.reason.swapMakeUp": "{date}调换后补讲",
    "lecture.reason.carriedOver": "第{cycle}轮顺延",

    "lecture.classRep.text": "您是{branch}{period}的“课代表”。",
    "lecture.classRep.weekly": "{date}当周",
    "lecture.classRep.monthly": "{month}",
    "lecture.classRep.body":
      "您是 *{branch}* {period}的“课代表”：请组织本支部学习、分享学习资料并做好反馈。",
    "lecture.classRep.confirmed": "✅ 您已确认，谢谢！",
    "lecture.classRep.dropped": "本次您不担任，下次优先安排。",

    "lecture.dm.awayHint": "近期请假？请登记请假日期：请假期间轮空，不影响您的主讲顺序。",

    "lecture.command.describe":
      "干部能力提升大讲堂：近期安排、后续顺序与统计（另有 `calendar`、`not-held <日期>`）",
    "lecture.command.usage":
      "用法：`/pbb lectures`、`/pbb lectures calendar [revoke]`、`/pbb lectures calendar rotate`（系统管理员）、`/pbb lectures not-held <YYYY-MM-DD>`（系统管理员；用 `held` 撤销）。",
    "lecture.calendar.urls":
      "您的大讲堂日历（仅含您的主讲）：{personal}\n全部安排：{schedule}\n链接仅显示这一次，请勿外传；`/pbb lectures calendar revoke` 可更换链接。",
    "lecture.calendar.personalNew":
      "您的大讲堂日历（仅含您的主讲）：{personal}\n该链接仅显示这一次，请勿外传。您此前获取的全部安排链接仍然有效。",
    "lecture.calendar.scheduleNew":
      "全部安排的日历链接已更换。您的新链接：{schedule}\n该链接仅显示这一次，请勿外传。您此前获取的个人日历链接仍然有效。",
    "lecture.calendar.existing":
      "您已获取过日历链接：链接只在生成时显示一次，机器人不保存可再次显示的副本。如已遗失，`/pbb lectures calendar revoke` 可生成新链接（旧链接随即失效）。",
    "lecture.calendar.revoked":
      "旧的日历链接已失效。新链接仅显示这一次——仅含您的主讲：{personal}\n全部安排：{schedule}",
    "lecture.calendar.rotateRefused": "只有系统管理员可以更换全部安排的日历链接。",
    "lecture.calendar.rotated":
      "所有“全部安排”日历链接已作废（{count}个）。大讲堂名单成员和机关党委委员可通过 `/pbb lectures calendar` 获取新链接。",
    "lecture.feed.name": "干部能力提升大讲堂",
    "lecture.feed.personalName": "干部能力提升大讲堂：我的主讲",
    "lecture.feed.summary": "干部能力提升大讲堂：{speakers}",
    "lecture.feed.topic": "题目：{topic}",
    "lecture.feed.unassigned": "主讲人待安排",
    "lecture.notHeld.done": "已登记：{date}的大讲堂未举行，不计入统计。",
    "lecture.held.done": "已登记：{date}的大讲堂已举行。",

    "lecture.error.not-found": "该主讲安排或申请已不存在。",
    "lecture.error.no-lecture-hall": "尚未设置大讲堂。",
    "lecture.error.not-your-turn": "只有本期主讲人本人可以操作。",
    "lecture.error.turn-closed": "该主讲已调换或取消，不再由您主讲。",
    "lecture.error.session-started": "本期大讲堂已经开始。",
    "lecture.error.swap-pending": "该主讲已有一份调换申请在等待答复。",
    "lecture.error.not-the-colleague": "只有被邀请的同事本人可以答复该申请。",
    "lecture.error.swap-closed": "该申请已处理。",
    "lecture.error.swap-expired": "该申请已过期，原主讲安排不变。",
    "lecture.error.swap-unavailable": "调换已无法进行：相关主讲安排已有变化。",
    "lecture.error.not-admin": "只有系统管理员可以登记大讲堂是否举行。",
    "lecture.error.not-on-roster": "日历链接仅提供给大讲堂名单成员和机关党委委员。",
    "lecture.error.session-not-over": "该期大讲堂尚未举行。",
    "lecture.error.bad-date": "该日期没有大讲堂。",
    "lecture.error.busy": "他人正在同时修改轮值安排，请重试。",
  },
);
