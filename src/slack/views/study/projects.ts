/**
 * Youth research projects in Slack: a project's card (question, people, milestones, result), the
 * year's list (`/pbb study projects`) with the buttons the viewer may use, the review message in
 * the committee channel, the DMs to the project's people, and the three modals (new project,
 * hand in the result, send back) with their validation.
 */
import type { Button, KnownBlock, ModalView } from "@slack/types";
import { MILESTONES_MAX, PROJECT_NAME_MAX, parseMilestones } from "../../../domain/study.ts";
import { formatDay } from "../../../i18n/dates.ts";
import type { Translator } from "../../../i18n/index.ts";
import type {
  NewProjectValues,
  ProjectListView,
  ProjectView,
  StudyMessage,
} from "../../../ports/study.ts";
import {
  actions,
  button,
  context,
  featureModal,
  header,
  input,
  mention,
  plain,
  section,
  truncate,
} from "../../blocks.ts";
import { STUDY_ACTION, STUDY_BLOCK, STUDY_CALLBACK } from "../../ids/study.ts";
import { optionalInput, textBox, userPicker, usersPicker, type Validation } from "../../inputs.ts";
import { esc } from "../lecture/format.ts";

type ProjectRow = ProjectListView["projects"][number];

const stateLabel = (v: ProjectView, t: Translator) => t(`study.project.state.${v.state}`);

/** The project's facts, one mrkdwn text (within a section's 3000 characters). */
export function projectFacts(v: ProjectView, t: Translator): string {
  const lines = [
    t("study.project.line.state", { state: stateLabel(v, t) }),
    t("study.project.line.lead", { lead: mention(v.lead) }),
    ...(v.members.length > 0
      ? [
          t("study.project.line.members", {
            members: v.members.slice(0, 20).map(mention).join(" "),
          }),
        ]
      : []),
    ...(v.advisor ? [t("study.project.line.advisor", { advisor: mention(v.advisor) })] : []),
    t("study.project.line.question", { question: esc(truncate(v.question, 600)) }),
  ];
  if (v.milestones.length > 0) {
    lines.push(
      t("study.project.line.milestones", {
        done: v.milestones.filter((m) => m.done).length,
        count: v.milestones.length,
      }),
      ...v.milestones.map(
        (m) =>
          `${m.done ? "✅" : "▫️"} ${esc(truncate(m.title, 150))}${m.dueDate ? ` · ${formatDay(m.dueDate, t)}` : ""}`,
      ),
    );
  }
  if (v.resultLink) {
    lines.push(
      t("study.project.line.result", {
        link: `<${v.resultLink}|${esc(truncate(v.resultLink, 80))}>`,
      }),
    );
  }
  if (v.resultSummary)
    lines.push(`> ${esc(truncate(v.resultSummary, 900)).replace(/\n/g, "\n> ")}`);
  if (v.reviewComment) {
    lines.push(t("study.project.line.comment", { comment: esc(truncate(v.reviewComment, 500)) }));
  }
  return truncate(lines.join("\n"), 3000);
}

/** The buttons a viewer may press on a project (none: an empty list). */
export function projectButtons(p: ProjectRow, t: Translator): Button[] {
  const value = String(p.id);
  const open = p.state === "active" || p.state === "returned";
  const buttons: Button[] = [];
  if (p.mine && open) {
    if (p.milestones.some((m) => !m.done)) {
      buttons.push(button(t("study.button.milestoneDone"), STUDY_ACTION.milestoneDone, { value }));
    }
    buttons.push(
      button(t("study.button.submitResult"), STUDY_ACTION.openProjectResult, {
        value,
        style: "primary",
      }),
    );
  }
  if (p.canReview) buttons.push(...reviewButtons(value, t));
  return buttons;
}

const reviewButtons = (value: string, t: Translator): Button[] => [
  button(t("study.button.accept"), STUDY_ACTION.projectAccept, { value, style: "primary" }),
  button(t("study.button.sendBack"), STUDY_ACTION.openProjectReturn, { value, style: "danger" }),
];

export function projectBlocks(p: ProjectRow, t: Translator): KnownBlock[] {
  const buttons = projectButtons(p, t);
  return [
    section(`*${esc(truncate(p.name, 150))}*\n${projectFacts(p, t)}`),
    ...(buttons.length > 0 ? [actions(`${STUDY_BLOCK.projectActions}${p.id}`, buttons)] : []),
  ];
}

/** `/pbb study projects`: the year's projects (at most 20 shown), the count of results. */
export function buildProjectList(v: ProjectListView, t: Translator): StudyMessage {
  const title = t("study.projects.header", { year: v.year });
  const blocks: KnownBlock[] = [
    header(title),
    context(t("study.projects.count", { count: v.projects.length, accepted: v.accepted })),
  ];
  const shown = v.projects.slice(0, 20);
  blocks.push(...shown.flatMap((p) => projectBlocks(p, t)));
  if (v.projects.length === 0) blocks.push(section(t("study.projects.none")));
  if (v.projects.length > shown.length) {
    blocks.push(context(t("study.projects.more", { count: v.projects.length - shown.length })));
  }
  if (v.canCreate) {
    blocks.push(
      actions(undefined, [button(t("study.button.newProject"), STUDY_ACTION.openNewProject)]),
    );
  }
  return { text: title, blocks };
}

/** The committee channel's message: a result to review, with Accept and Send back. */
export function projectReview(v: ProjectView, t: Translator): StudyMessage {
  const text = t("study.project.review", { name: v.name, lead: mention(v.lead) });
  return {
    text,
    blocks: [
      section(t("study.project.review", { name: esc(v.name), lead: mention(v.lead) })),
      section(projectFacts(v, t)),
      actions(`${STUDY_BLOCK.projectActions}${v.id}`, reviewButtons(String(v.id), t)),
      context(t("study.project.reviewHint")),
    ],
  };
}

/** The DM to a project's people when it is registered, accepted or sent back. */
export function projectNews(
  v: ProjectView,
  event: "registered" | "accepted" | "returned",
  t: Translator,
): StudyMessage {
  const text = t(`study.project.news.${event}`, { name: v.name });
  const row: ProjectRow = { ...v, mine: true, canReview: false };
  const buttons = event === "accepted" ? [] : projectButtons(row, t);
  return {
    text,
    blocks: [
      section(t(`study.project.news.${event}`, { name: esc(v.name) })),
      section(projectFacts(v, t)),
      ...(buttons.length > 0 ? [actions(`${STUDY_BLOCK.projectActions}${v.id}`, buttons)] : []),
    ],
  };
}

const studyModal = featureModal("study.modal.submit", "study.modal.close");
/** The study modals, with the title cut to Slack's 24 characters. */
const modal = (
  callbackId: string,
  title: string,
  metadata: string,
  blocks: KnownBlock[],
  t: Translator,
): ModalView => studyModal(callbackId, truncate(title, 24), metadata, blocks, t);

export function buildNewProjectModal(t: Translator, lead: string): ModalView {
  return modal(
    STUDY_CALLBACK.newProject,
    t("study.projectNew.title"),
    "",
    [
      input(
        STUDY_BLOCK.projectName,
        t("study.projectNew.name"),
        textBox(STUDY_ACTION.projectName, { max: PROJECT_NAME_MAX }),
      ),
      input(
        STUDY_BLOCK.projectLead,
        t("study.projectNew.lead"),
        userPicker(STUDY_ACTION.projectLead, lead),
      ),
      optionalInput(
        STUDY_BLOCK.projectMembers,
        t("study.projectNew.members"),
        usersPicker(STUDY_ACTION.projectMembers, [], 30),
      ),
      input(
        STUDY_BLOCK.projectQuestion,
        t("study.projectNew.question"),
        textBox(STUDY_ACTION.projectQuestion, { multiline: true, max: 1000 }),
      ),
      optionalInput(
        STUDY_BLOCK.projectAdvisor,
        t("study.projectNew.advisor"),
        userPicker(STUDY_ACTION.projectAdvisor),
        { hint: plain(t("study.projectNew.advisorHint")) },
      ),
      optionalInput(
        STUDY_BLOCK.projectMilestones,
        t("study.projectNew.milestones"),
        textBox(STUDY_ACTION.projectMilestones, {
          multiline: true,
          placeholder: t("study.projectNew.milestonesPlaceholder"),
        }),
        { hint: plain(t("study.projectNew.milestonesHint", { max: MILESTONES_MAX })) },
      ),
    ],
    t,
  );
}

type StateValues = Record<
  string,
  Record<
    string,
    { value?: string | null; selected_user?: string | null; selected_users?: string[] | null }
  >
>;

export function readNewProject(values: StateValues, t: Translator): Validation<NewProjectValues> {
  const v = (block: string, action: string) => values[block]?.[action];
  const errors: Record<string, string> = {};
  const name = (v(STUDY_BLOCK.projectName, STUDY_ACTION.projectName)?.value ?? "").trim();
  if (name === "") errors[STUDY_BLOCK.projectName] = t("study.error.name-empty");
  const lead = v(STUDY_BLOCK.projectLead, STUDY_ACTION.projectLead)?.selected_user ?? null;
  if (!lead) errors[STUDY_BLOCK.projectLead] = t("study.error.no-lead");
  const question = (
    v(STUDY_BLOCK.projectQuestion, STUDY_ACTION.projectQuestion)?.value ?? ""
  ).trim();
  if (question === "") errors[STUDY_BLOCK.projectQuestion] = t("study.error.question-empty");
  const parsed = parseMilestones(
    v(STUDY_BLOCK.projectMilestones, STUDY_ACTION.projectMilestones)?.value ?? "",
  );
  if (!parsed.ok) {
    errors[STUDY_BLOCK.projectMilestones] = t("study.projectNew.error.milestone", {
      line: parsed.line,
    });
  }
  if (Object.keys(errors).length > 0 || !parsed.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      lead,
      members: v(STUDY_BLOCK.projectMembers, STUDY_ACTION.projectMembers)?.selected_users ?? [],
      question,
      advisor: v(STUDY_BLOCK.projectAdvisor, STUDY_ACTION.projectAdvisor)?.selected_user ?? null,
      milestones: parsed.milestones,
    },
  };
}

/** Where a refusal of the service shows in the new-project modal. */
export const NEW_PROJECT_FIELD: Partial<Record<string, string>> = {
  "name-empty": STUDY_BLOCK.projectName,
  "no-lead": STUDY_BLOCK.projectLead,
  "not-organiser": STUDY_BLOCK.projectLead,
  "question-empty": STUDY_BLOCK.projectQuestion,
  "not-advisor": STUDY_BLOCK.projectAdvisor,
};

export function buildProjectResultModal(v: ProjectView, t: Translator): ModalView {
  return modal(
    STUDY_CALLBACK.projectResult,
    t("study.projectResult.title"),
    String(v.id),
    [
      section(`*${esc(truncate(v.name, 150))}*\n${esc(truncate(v.question, 600))}`),
      input(STUDY_BLOCK.resultLink, t("study.projectResult.link"), {
        type: "url_text_input",
        action_id: STUDY_ACTION.resultLink,
        ...(v.resultLink ? { initial_value: v.resultLink } : {}),
      }),
      input(
        STUDY_BLOCK.resultSummary,
        t("study.projectResult.summary"),
        textBox(STUDY_ACTION.resultSummary, {
          multiline: true,
          max: 2000,
          initial: v.resultSummary,
        }),
      ),
      ...(v.reviewComment
        ? [
            context(
              t("study.project.line.comment", { comment: esc(truncate(v.reviewComment, 500)) }),
            ),
          ]
        : []),
    ],
    t,
  );
}

export function buildProjectReturnModal(v: ProjectView, t: Translator): ModalView {
  return modal(
    STUDY_CALLBACK.projectReturn,
    t("study.projectReturn.title"),
    String(v.id),
    [
      section(`*${esc(truncate(v.name, 150))}*\n${projectFacts(v, t)}`),
      input(
        STUDY_BLOCK.reviewComment,
        t("study.projectReturn.comment"),
        textBox(STUDY_ACTION.reviewComment, { multiline: true, max: 1000 }),
      ),
    ],
    t,
  );
}
