/**
 * `/pbb project new` and `/pbb project board [year]`. A committee admin adds a practical project
 * in a modal (title, the people it serves, lead branch and person, goal, milestones with due
 * dates, expected beneficiaries): every field is checked by the domain and shown inline, nothing
 * stored while one is wrong; the project's committee message is enqueued in the same
 * transaction. The board lists every project of a year with its outcome and beneficiaries.
 */
import { isCommitteeAdmin } from "../../db/repositories/lecture.ts";
import { createProject, projectsOfYear } from "../../db/repositories/practical-projects.ts";
import {
  type ProjectDraft,
  type ProjectDraftProblem,
  parseMilestones,
  projectDraftProblems,
} from "../../domain/service-list.ts";
import type {
  NewProjectForm,
  ProjectBoardView,
  ProjectsPresenter,
} from "../../ports/service-list.ts";
import type { Deps, Outcome } from "../kit/result.ts";
import { refuse } from "../kit/result.ts";
import { inTxRetrying } from "../kit/tx.ts";
import { loadServiceEnv, type ServiceEnv } from "./env.ts";
import { postProjectMessage, projectView } from "./projects.ts";

export type NewProjectError = "no-org" | "not-admin" | "busy";

async function activeBranches(deps: Deps) {
  return deps.db.prisma.branch.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
    select: { key: true, name: true },
  });
}

export async function openNewProject(
  deps: Deps,
  userId: string,
): Promise<Outcome<{ form: NewProjectForm; env: ServiceEnv }, NewProjectError>> {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org");
  if (!(await isCommitteeAdmin(deps.db, userId))) return refuse("not-admin");
  return {
    ok: true,
    env,
    form: { branches: await activeBranches(deps), year: Number(env.today.slice(0, 4)) },
  };
}

export type NewProjectOutcome =
  | { ok: true; projectId: number }
  | { ok: false; error: NewProjectError }
  | { ok: false; error: "invalid"; problems: ProjectDraftProblem[] };

export async function createNewProject(
  deps: Deps,
  present: ProjectsPresenter,
  userId: string,
  draft: ProjectDraft,
): Promise<NewProjectOutcome> {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org");
  if (!(await isCommitteeAdmin(deps.db, userId))) return refuse("not-admin");
  const branches = await activeBranches(deps);
  const problems = projectDraftProblems(draft, {
    today: env.today,
    branchKeys: branches.map((b) => b.key),
  });
  const lead = draft.lead.trim();
  if (
    lead !== "" &&
    !(await deps.db.prisma.person.findFirst({ where: { slackUserId: lead, active: true } }))
  )
    problems.push({ field: "lead", error: "unknown-lead" });
  const parsed = parseMilestones(draft.milestones, env.today);
  if (problems.length > 0 || "problem" in parsed) return { ok: false, error: "invalid", problems };
  const last = parsed.milestones.at(-1)?.due ?? env.today;
  return inTxRetrying(deps.db, async (tx) => {
    const created = await createProject(
      tx,
      {
        year: Number(last.slice(0, 4)),
        title: draft.title.trim().slice(0, 200),
        serves: draft.serves.trim().slice(0, 200),
        branchKey: draft.branch,
        leadUserId: lead,
        goal: draft.goal.trim().slice(0, 1000),
        beneficiaries: Number(draft.beneficiaries.trim()),
        createdBy: userId,
      },
      parsed.milestones,
    );
    await postProjectMessage(tx, env, present, created.id);
    return { ok: true as const, projectId: created.id };
  });
}

/** The outcome a project shows on the board: its confirmation, else its newest progress note. */
function outcomeOf(notes: { kind: string; text: string }[]): string | null {
  const said = notes.filter((n) => n.text.trim() !== "" && n.kind !== "sent-back");
  return said.at(-1)?.text ?? null;
}

export async function projectBoard(
  deps: Deps,
  year: number | null,
): Promise<Outcome<{ view: ProjectBoardView; env: ServiceEnv }, "no-org">> {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org");
  const y = year ?? Number(env.today.slice(0, 4));
  const rows = await projectsOfYear(deps.db.prisma, y);
  const projects = [];
  for (const p of rows) {
    projects.push({ ...(await projectView(deps.db.prisma, p)), outcome: outcomeOf(p.notes) });
  }
  return {
    ok: true,
    env,
    view: {
      year: y,
      projects,
      beneficiariesDone: projects
        .filter((p) => p.status === "DONE")
        .reduce((s, p) => s + p.beneficiaries, 0),
    },
  };
}
