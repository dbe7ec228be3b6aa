/**
 * `/pbb project new`'s modal (each field's error on its block) and the year's project board
 * (`/pbb project board [year]`): every project with its status, % done, beneficiaries and
 * outcome, within one message's 50 blocks.
 */
import type { KnownBlock, ModalView } from "@slack/types";
import type { ProjectDraft, ProjectDraftProblem } from "../../../domain/service-list.ts";
import type { Translator } from "../../../i18n/index.ts";
import type {
  NewProjectForm,
  ProjectBoardView,
  ServiceMessage,
} from "../../../ports/service-list.ts";
import {
  context,
  featureModal,
  header,
  input,
  mention,
  option,
  section,
  truncate,
} from "../../blocks.ts";
import { SERVICE_ACTION, SERVICE_BLOCK, SERVICE_CALLBACK } from "../../ids/service-list.ts";
import type { ModalValues } from "../../inputs.ts";
import { esc } from "../tasklist/format.ts";
import { selectField, textField } from "./modals.ts";

const modal = featureModal("serviceList.modal.submit", "serviceList.modal.close");
/** A static select holds at most 100 options; past that the branch key is typed. */
const MAX_OPTIONS = 100;
/** One section a project, within a message's 50 blocks. */
const BOARD_SHOWN = 45;

export function buildNewProjectModal(f: NewProjectForm, t: Translator): ModalView {
  const branches = f.branches.map((b) => option(b.name, b.key));
  const blocks: KnownBlock[] = [
    textField(
      SERVICE_BLOCK.projectTitle,
      SERVICE_ACTION.projectTitle,
      t("serviceList.newProject.title"),
      { max: 200 },
    ),
    textField(
      SERVICE_BLOCK.projectServes,
      SERVICE_ACTION.projectServes,
      t("serviceList.newProject.serves"),
      { max: 200 },
    ),
    branches.length <= MAX_OPTIONS
      ? selectField(
          SERVICE_BLOCK.projectBranch,
          SERVICE_ACTION.projectBranch,
          t("serviceList.newProject.branch"),
          branches,
        )
      : textField(
          SERVICE_BLOCK.projectBranch,
          SERVICE_ACTION.projectBranch,
          t("serviceList.newProject.branch"),
          { max: 100, hint: t("serviceList.newProject.branchHint") },
        ),
    input(SERVICE_BLOCK.projectLead, t("serviceList.newProject.lead"), {
      type: "users_select",
      action_id: SERVICE_ACTION.projectLead,
    }),
    textField(
      SERVICE_BLOCK.projectGoal,
      SERVICE_ACTION.projectGoal,
      t("serviceList.newProject.goal"),
      { max: 1000, multiline: true },
    ),
    textField(
      SERVICE_BLOCK.projectMilestones,
      SERVICE_ACTION.projectMilestones,
      t("serviceList.newProject.milestones"),
      {
        max: 3000,
        multiline: true,
        placeholder: t("serviceList.newProject.milestonesExample", { year: f.year }),
        hint: t("serviceList.newProject.milestonesHint"),
      },
    ),
    textField(
      SERVICE_BLOCK.projectBeneficiaries,
      SERVICE_ACTION.projectBeneficiaries,
      t("serviceList.newProject.beneficiaries"),
      { max: 8 },
    ),
  ];
  return modal(SERVICE_CALLBACK.newProject, t("serviceList.newProject.modalTitle"), "", blocks, t);
}

export function readNewProject(values: ModalValues): ProjectDraft {
  const v = (block: string, action: string) => values[block]?.[action];
  const branch = v(SERVICE_BLOCK.projectBranch, SERVICE_ACTION.projectBranch);
  return {
    title: v(SERVICE_BLOCK.projectTitle, SERVICE_ACTION.projectTitle)?.value ?? "",
    serves: v(SERVICE_BLOCK.projectServes, SERVICE_ACTION.projectServes)?.value ?? "",
    branch: (branch?.selected_option?.value ?? branch?.value ?? "").trim(),
    lead: v(SERVICE_BLOCK.projectLead, SERVICE_ACTION.projectLead)?.selected_user ?? "",
    goal: v(SERVICE_BLOCK.projectGoal, SERVICE_ACTION.projectGoal)?.value ?? "",
    beneficiaries:
      v(SERVICE_BLOCK.projectBeneficiaries, SERVICE_ACTION.projectBeneficiaries)?.value ?? "",
    milestones: v(SERVICE_BLOCK.projectMilestones, SERVICE_ACTION.projectMilestones)?.value ?? "",
  };
}

const PROBLEM_BLOCK: Record<ProjectDraftProblem["field"], string> = {
  title: SERVICE_BLOCK.projectTitle,
  serves: SERVICE_BLOCK.projectServes,
  branch: SERVICE_BLOCK.projectBranch,
  lead: SERVICE_BLOCK.projectLead,
  goal: SERVICE_BLOCK.projectGoal,
  beneficiaries: SERVICE_BLOCK.projectBeneficiaries,
  milestones: SERVICE_BLOCK.projectMilestones,
};

export function newProjectErrors(
  problems: readonly ProjectDraftProblem[],
  t: Translator,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems)
    errors[PROBLEM_BLOCK[p.field]] ??= t(`serviceList.error.${p.error}`, { line: p.line ?? 0 });
  return errors;
}

export function buildProjectBoard(v: ProjectBoardView, t: Translator): ServiceMessage {
  const done = v.projects.filter((p) => p.status === "DONE").length;
  const summary = t("serviceList.board.summary", {
    year: v.year,
    count: v.projects.length,
    done,
    beneficiaries: v.beneficiariesDone,
  });
  const blocks: KnownBlock[] = [
    header(t("serviceList.board.title", { year: v.year })),
    section(summary),
  ];
  if (v.projects.length === 0) blocks.push(context(t("serviceList.board.none")));
  for (const p of v.projects.slice(0, BOARD_SHOWN)) {
    const outcome = p.outcome
      ? `\n${t("serviceList.board.outcome", { outcome: esc(truncate(p.outcome, 500)) })}`
      : "";
    blocks.push(
      section(
        `${t("serviceList.board.line", {
          title: esc(truncate(p.title, 150)),
          status: t(`serviceList.project.status.${p.status}`),
          percent: p.percent,
          branch: esc(truncate(p.branchName, 80)),
          lead: p.leadUserId ? mention(p.leadUserId) : t("serviceList.project.noLead"),
          beneficiaries: p.beneficiaries,
        })}${outcome}`,
      ),
    );
  }
  if (v.projects.length > BOARD_SHOWN)
    blocks.push(
      context(
        t("serviceList.board.more", { count: v.projects.length - BOARD_SHOWN, year: v.year }),
      ),
    );
  return { text: summary, blocks };
}
