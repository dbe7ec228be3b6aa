import { defineArea } from "../define.ts";

export const inspections = defineArea(
  {
    "inspections.kind.mutual": "mutual inspection",
    "inspections.kind.supervision": "supervision",
    "inspections.announce.title":
      "*{kind} {period}*: the round is open from {opens} to {closes}. Who inspects which branch:",
    "inspections.announce.line": "• {inspector} → {branch}",
    "inspections.announce.conflict.two-branches":
      "• {branch}: not assigned: with only two active branches they would inspect each other. An admin assigns it.",
    "inspections.announce.conflict.all-members-involved":
      "• {branch}: not assigned: every committee member is a secretary or member of it. An admin assigns it.",
    "inspections.announce.skipped.too-few-branches":
      "*{kind} {period}* is skipped: it needs at least two active branches.",
    "inspections.team.dm": "You inspect *{branch}* in the {kind} round {period}, by {closes}.",
  },
  {
    "inspections.kind.mutual": "支部互查",
    "inspections.kind.supervision": "全覆盖督查",
    "inspections.announce.title": "{period}{kind}：检查时间{opens}至{closes}。检查安排如下：",
    "inspections.announce.line": "• {inspector} → {branch}",
    "inspections.announce.conflict.two-branches":
      "• {branch}：未安排：只有两个在用的支部，二者会互相检查。请系统管理员指定。",
    "inspections.announce.conflict.all-members-involved":
      "• {branch}：未安排：每位委员都是该支部的书记或党员。请系统管理员指定。",
    "inspections.announce.skipped.too-few-branches":
      "{period}{kind}不开展：至少需要两个在用的支部。",
    "inspections.team.dm": "你负责在{period}{kind}中检查{branch}，请于{closes}前完成。",
  },
);
