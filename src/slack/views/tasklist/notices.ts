/**
 * Messages to a branch: the returned notice (with Revise), the secretaries' DMs on approve and
 * on return, and the follow-up in the reminder's thread for a branch that has not submitted.
 */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, channelLink, context, header, mention, section } from "../../blocks.ts";
import { TASKLIST_ACTION, TASKLIST_BLOCK } from "../../ids/tasklist.ts";
import { dateTime, esc, mentions, periodLabel } from "./format.ts";
import type { FollowUpView, ReturnedNoticeView, SecretaryDmView, SlackMessage } from "./model.ts";
import { listValue } from "./refs.ts";

const reviseButton = (listId: number, revision: number, t: Translator) =>
  actions(TASKLIST_BLOCK.returnedActions, [
    button(t("tasklist.button.revise"), TASKLIST_ACTION.revise, {
      value: listValue({ listId, revision }),
      style: "primary",
    }),
  ]);

function decisionParams(v: ReturnedNoticeView | SecretaryDmView, t: Translator) {
  return {
    branch: esc(v.branch.name),
    month: periodLabel(v.period, t),
    revision: v.revision,
    by: mention(v.decision.by),
    at: dateTime(v.decision.at, v.tz, t),
    comment: esc(v.decision.comment ?? ""),
    channel: channelLink(v.branch.channelId),
  };
}

export function buildReturnedNotice(v: ReturnedNoticeView, t: Translator): SlackMessage {
  const p = { ...decisionParams(v, t), who: mentions(v.branch.secretaries) };
  const blocks: KnownBlock[] = [
    header(
      t(v.isAmendment ? "tasklist.returned.headerAmendment" : "tasklist.returned.header", {
        ...p,
        branch: v.branch.name,
      }),
    ),
    section(t("tasklist.returned.body", p)),
    section(`> ${p.comment.replace(/\n/g, "\n> ")}`),
  ];
  if (v.resubmittedAs === undefined) blocks.push(reviseButton(v.listId, v.revision, t));
  else blocks.push(context(t("tasklist.returned.resubmitted", { revision: v.resubmittedAs })));
  return { text: t("tasklist.returned.text", p), blocks };
}

export function buildSecretaryDm(v: SecretaryDmView, t: Translator): SlackMessage {
  const p = decisionParams(v, t);
  if (v.decision.kind === "APPROVED") {
    return {
      text: t("tasklist.dm.approved.text", p),
      blocks: [section(t("tasklist.dm.approved.body", p))],
    };
  }
  return {
    text: t("tasklist.dm.returned.text", p),
    blocks: [
      section(t("tasklist.dm.returned.body", p)),
      section(`> ${p.comment.replace(/\n/g, "\n> ")}`),
      reviseButton(v.listId, v.revision, t),
    ],
  };
}

export function buildFollowUp(v: FollowUpView, t: Translator): SlackMessage {
  const p = {
    branch: esc(v.branch.name),
    month: periodLabel(v.period, t),
    deadline: dateTime(v.deadlineAt, v.tz, t),
    who: mentions(v.branch.secretaries),
  };
  const key =
    v.state === "returned" ? "tasklist.followUp.returned" : "tasklist.followUp.notSubmitted";
  const open =
    v.state === "returned"
      ? button(t("tasklist.button.revise"), TASKLIST_ACTION.revise, {
          value: listValue({ listId: v.listId }),
          style: "primary",
        })
      : button(t("tasklist.button.open"), TASKLIST_ACTION.openModal, {
          value: listValue({ listId: v.listId }),
          style: "primary",
        });
  return {
    text: t(key, p),
    blocks: [section(t(key, p)), actions(TASKLIST_BLOCK.reminderActions, [open])],
  };
}
