/**
 * A practical project's committee message (one builder for every state, so an update never
 * drifts from the post), its milestone reminder and escalation, and its two modals.
 */
import type { KnownBlock, ModalView } from "@slack/types";
import { EVIDENCE_MAX_FILES } from "../../../domain/evidence-files.ts";
import type { Translator } from "../../../i18n/index.ts";
import type {
  LeadWantedView,
  MilestoneAlertView,
  NewLeadView,
  ProjectView,
  ServiceMessage,
} from "../../../ports/service-list.ts";
import {
  actions,
  button,
  context,
  header,
  input,
  mention,
  option,
  plain,
  section,
} from "../../blocks.ts";
import { SERVICE_ACTION, SERVICE_BLOCK, SERVICE_CALLBACK } from "../../ids/service-list.ts";
import type { ModalValues } from "../../inputs.ts";
import { esc } from "../tasklist/format.ts";
import { evidenceFileField, readEvidenceFiles } from "./modals.ts";

const MAX_MILESTONES_SHOWN = 15;

const leadOf = (p: ProjectView, t: Translator) =>
  p.leadUserId ? mention(p.leadUserId) : t("serviceList.project.noLead");

function noteLine(n: ProjectView["notes"][number], t: Translator): string {
  const link = n.link ? ` <${n.link}|${t("serviceList.report.linkLabel")}>` : "";
  const text = n.text ? `: ${esc(n.text)}` : "";
  return `${mention(n.authorId)} ${t(`serviceList.project.note.${n.kind}` as never)}${text}${link}`;
}

export function buildProjectMessage(p: ProjectView, t: Translator): ServiceMessage {
  const status = t(`serviceList.project.status.${p.status}`);
  const text = t("serviceList.project.text", { title: esc(p.title), status, percent: p.percent });
  const blocks: KnownBlock[] = [
    header(`${p.title} · ${status}`),
    section(
      t("serviceList.project.about", {
        serves: esc(p.serves),
        branch: esc(p.branchName),
        lead: leadOf(p, t),
        goal: esc(p.goal),
        beneficiaries: p.beneficiaries,
      }),
    ),
    section(
      `*${t("serviceList.project.percent", { percent: p.percent })}*${
        p.next
          ? ` · ${t("serviceList.project.next", { title: esc(p.next.title), due: p.next.due })}`
          : ""
      }\n${p.milestones
        .slice(0, MAX_MILESTONES_SHOWN)
        .map((m) => `${m.done ? "✅" : "⬜"} ${m.due} ${esc(m.title)}`)
        .join("\n")}${
        p.milestones.length > MAX_MILESTONES_SHOWN
          ? `\n… ${p.milestones.length - MAX_MILESTONES_SHOWN}`
          : ""
      }`,
    ),
  ];
  if (p.notes.length > 0) blocks.push(context(...p.notes.slice(-3).map((n) => noteLine(n, t))));
  if (p.status === "DONE") {
    blocks.push(
      context(
        t("serviceList.project.confirmedBy", { who: p.confirmedBy ? mention(p.confirmedBy) : "" }),
      ),
    );
  } else {
    const value = String(p.id);
    const buttons =
      p.status === "COMPLETION_REQUESTED"
        ? [
            button(t("serviceList.button.confirm"), SERVICE_ACTION.projectConfirm, {
              value,
              style: "primary",
            }),
            button(t("serviceList.button.sendBack"), SERVICE_ACTION.projectSendBack, {
              value,
              style: "danger",
            }),
          ]
        : [
            button(t("serviceList.button.progress"), SERVICE_ACTION.projectProgress, { value }),
            button(t("serviceList.button.requestDone"), SERVICE_ACTION.projectRequest, { value }),
          ];
    if (!p.leadUserId) buttons.push(nameLeadButton(p, t));
    blocks.push(actions(SERVICE_BLOCK.projectActions, buttons));
    blocks.push(context(t("serviceList.project.threadHint")));
  }
  return { text, blocks };
}

const nameLeadButton = (p: ProjectView, t: Translator) =>
  button(t("serviceList.button.nameLead"), SERVICE_ACTION.projectNameLead, {
    value: String(p.id),
    style: "primary",
  });

/** To the lead; while the project has none, to the committee with the button to name one. */
export function buildMilestoneReminder(v: MilestoneAlertView, t: Translator): ServiceMessage {
  const params = {
    title: esc(v.project.title),
    milestone: esc(v.milestone.title),
    due: v.milestone.due,
  };
  if (v.project.leadUserId) {
    const text = t("serviceList.project.remind", params);
    return { text, blocks: [section(text)] };
  }
  const text = t("serviceList.project.remindNoLead", params);
  return {
    text,
    blocks: [section(text), actions(SERVICE_BLOCK.leadWanted, [nameLeadButton(v.project, t)])],
  };
}

/** The committee's question when a project's lead left: once, with the button. */
export function buildLeadWanted(v: LeadWantedView, t: Translator): ServiceMessage {
  const title = esc(v.project.title);
  const text = v.left
    ? t("serviceList.project.leadWanted", { title, left: mention(v.left) })
    : t("serviceList.project.leadWantedNobody", { title });
  return {
    text,
    blocks: [section(text), actions(SERVICE_BLOCK.leadWanted, [nameLeadButton(v.project, t)])],
  };
}

export function buildNewLeadDm(v: NewLeadView, t: Translator): ServiceMessage {
  const text = t("serviceList.project.newLeadDm", {
    title: esc(v.project.title),
    who: mention(v.namedBy),
  });
  return { text, blocks: [section(text)] };
}

export function buildMilestoneEscalation(v: MilestoneAlertView, t: Translator): ServiceMessage {
  const text = t("serviceList.project.escalate", {
    title: esc(v.project.title),
    milestone: esc(v.milestone.title),
    due: v.milestone.due,
    lead: leadOf(v.project, t),
  });
  return { text, blocks: [section(text)] };
}

function modal(
  callbackId: string,
  title: string,
  id: number,
  blocks: KnownBlock[],
  t: Translator,
): ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    title: plain(title),
    submit: plain(t("serviceList.modal.submit")),
    close: plain(t("serviceList.modal.close")),
    private_metadata: String(id),
    blocks,
  };
}

export function buildProgressModal(p: ProjectView, t: Translator): ModalView {
  const open = p.milestones
    .map((m, position) => ({ ...m, position }))
    .filter((m) => !m.done)
    .slice(0, 100)
    .map((m) => option(`${m.due} ${m.title}`, String(m.position)));
  const blocks: KnownBlock[] = [
    section(`*${esc(p.title)}*`),
    input(
      SERVICE_BLOCK.note,
      t("serviceList.progress.note"),
      {
        type: "plain_text_input",
        action_id: SERVICE_ACTION.note,
        multiline: true,
        max_length: 2000,
      },
      { optional: true },
    ),
  ];
  if (open.length > 0)
    blocks.push(
      input(
        SERVICE_BLOCK.milestone,
        t("serviceList.progress.milestone"),
        { type: "static_select", action_id: SERVICE_ACTION.milestone, options: open },
        { optional: true },
      ),
    );
  blocks.push(
    input(
      SERVICE_BLOCK.link,
      t("serviceList.progress.link"),
      { type: "plain_text_input", action_id: SERVICE_ACTION.link, max_length: 500 },
      { optional: true, hint: plain(t("serviceList.progress.linkHint")) },
    ),
    evidenceFileField(t("serviceList.progress.file"), EVIDENCE_MAX_FILES, t),
  );
  return modal(SERVICE_CALLBACK.progress, t("serviceList.progress.title"), p.id, blocks, t);
}

export function buildSendBackModal(p: ProjectView, t: Translator): ModalView {
  return modal(
    SERVICE_CALLBACK.sendBack,
    t("serviceList.sendBack.title"),
    p.id,
    [
      section(`*${esc(p.title)}*`),
      input(SERVICE_BLOCK.comment, t("serviceList.sendBack.comment"), {
        type: "plain_text_input",
        action_id: SERVICE_ACTION.comment,
        multiline: true,
        max_length: 2000,
      }),
    ],
    t,
  );
}

export function buildNameLeadModal(p: ProjectView, t: Translator): ModalView {
  return modal(
    SERVICE_CALLBACK.nameLead,
    t("serviceList.nameLead.title"),
    p.id,
    [
      section(`*${esc(p.title)}*`),
      input(
        SERVICE_BLOCK.newLead,
        t("serviceList.nameLead.lead"),
        { type: "users_select", action_id: SERVICE_ACTION.newLead },
        { hint: plain(t("serviceList.nameLead.hint")) },
      ),
    ],
    t,
  );
}

export const readNewLead = (values: ModalValues): string =>
  values[SERVICE_BLOCK.newLead]?.[SERVICE_ACTION.newLead]?.selected_user ?? "";

export function readProgress(values: ModalValues) {
  const link = values[SERVICE_BLOCK.link]?.[SERVICE_ACTION.link]?.value?.trim() ?? "";
  const milestone =
    values[SERVICE_BLOCK.milestone]?.[SERVICE_ACTION.milestone]?.selected_option?.value;
  return {
    note: values[SERVICE_BLOCK.note]?.[SERVICE_ACTION.note]?.value ?? "",
    milestone: milestone === undefined ? null : Number(milestone),
    link: link === "" ? null : link,
    files: readEvidenceFiles(values),
  };
}

export const readComment = (values: ModalValues): string =>
  values[SERVICE_BLOCK.comment]?.[SERVICE_ACTION.comment]?.value ?? "";
