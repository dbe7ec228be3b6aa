/**
 * The monthly reminder in the branch channel, kept current: one builder keyed by state, so the
 * message updated in place never drifts from the one first posted.
 */
import type { Button } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, context, header, mention, section, truncate } from "../../blocks.ts";
import { TASKLIST_ACTION, TASKLIST_BLOCK } from "../../ids/tasklist.ts";
import { targetLabel } from "../annual-plans/format.ts";
import { dateTime, esc, mentions, periodLabel } from "./format.ts";
import type { ReminderView, SlackMessage } from "./model.ts";
import { planKindLabel } from "./plan-offer.ts";
import { listValue } from "./refs.ts";

function body(v: ReminderView, t: Translator): string {
  const p = {
    branch: esc(v.branch.name),
    month: periodLabel(v.period, t),
    deadline: dateTime(v.deadlineAt, v.tz, t),
    revision: v.revision ?? 0,
    by: v.submittedBy ? mention(v.submittedBy) : "",
    at: v.submittedAt ? dateTime(v.submittedAt, v.tz, t) : "",
    decidedBy: v.decision ? mention(v.decision.by) : "",
    decidedAt: v.decision ? dateTime(v.decision.at, v.tz, t) : "",
    comment: esc(v.decision?.comment ?? ""),
  };
  switch (v.state) {
    case "waiting":
      return t("tasklist.reminder.waiting", { ...p, who: mentions(v.branch.secretaries) });
    case "submitted":
      return t("tasklist.reminder.submitted", p);
    case "returned":
      return t("tasklist.reminder.returned", p);
    case "approved":
      return t("tasklist.reminder.approved", p);
  }
}

function buttons(v: ReminderView, t: Translator): Button[] {
  const ref = listValue({ listId: v.listId });
  switch (v.state) {
    case "waiting":
      return [
        button(t("tasklist.button.open"), TASKLIST_ACTION.openModal, {
          value: ref,
          style: "primary",
        }),
      ];
    case "submitted":
      return [
        button(t("tasklist.button.withdraw"), TASKLIST_ACTION.withdraw, {
          value: ref,
          style: "danger",
        }),
      ];
    case "returned":
      return [
        button(t("tasklist.button.revise"), TASKLIST_ACTION.revise, {
          value: ref,
          style: "primary",
        }),
      ];
    case "approved":
      return v.amendment === "under-review"
        ? [
            button(t("tasklist.button.withdrawAmendment"), TASKLIST_ACTION.withdraw, {
              value: ref,
              style: "danger",
            }),
          ]
        : [button(t("tasklist.button.amend"), TASKLIST_ACTION.amend, { value: ref })];
  }
}

function notes(v: ReminderView, t: Translator): string[] {
  const out: string[] = [];
  if (v.state === "approved" && v.amendment === "under-review")
    out.push(t("tasklist.reminder.amendmentPending"));
  if (v.state === "approved" && v.amendment === "returned")
    out.push(t("tasklist.reminder.amendmentReturned"));
  if (v.withdrawnRevision !== undefined)
    out.push(t("tasklist.reminder.withdrawn", { revision: v.withdrawnRevision }));
  if (v.state === "waiting" && v.carriedOverCount)
    out.push(t("tasklist.reminder.carriedOver", { count: v.carriedOverCount }));
  out.push(t("tasklist.reminder.thread", { count: v.commentCount }));
  return out;
}

const TEXT_KEY = {
  waiting: "tasklist.reminder.text.waiting",
  submitted: "tasklist.reminder.text.submitted",
  returned: "tasklist.reminder.text.returned",
  approved: "tasklist.reminder.text.approved",
} as const;

/** Lines of the plan items named in the reminder, at most this many (then "and N more"). */
const PLAN_LINES = 10;

/** The year's plan items due this month, named under the reminder's text. */
function planDueText(v: ReminderView, t: Translator): string | null {
  const due = v.planDue ?? [];
  if (due.length === 0) return null;
  const lines = due.slice(0, PLAN_LINES).map((i) =>
    t("annualPlans.month.line", {
      title: esc(i.title),
      kind: planKindLabel(i.kind, t),
      target: targetLabel(i.target, t),
    }),
  );
  if (due.length > PLAN_LINES)
    lines.push(t("annualPlans.month.more", { count: due.length - PLAN_LINES }));
  return [t("annualPlans.month.due", { count: due.length }), ...lines].join("\n");
}

export function buildReminder(v: ReminderView, t: Translator): SlackMessage {
  const month = periodLabel(v.period, t);
  const planDue = planDueText(v, t);
  const text = t(TEXT_KEY[v.state], {
    branch: esc(v.branch.name),
    month,
    deadline: dateTime(v.deadlineAt, v.tz, t),
    who: mentions(v.branch.secretaries),
  });
  return {
    text,
    blocks: [
      header(t("tasklist.reminder.header", { branch: v.branch.name, month })),
      section(body(v, t)),
      ...(planDue ? [section(truncate(planDue, 3000))] : []),
      context(...notes(v, t)),
      actions(TASKLIST_BLOCK.reminderActions, buttons(v, t)),
    ],
  };
}
