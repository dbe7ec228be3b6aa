/**
 * Youth research projects ("Youth Learning Exchange"): a committee member, an admin or the lead
 * registers a project group (name, lead, members, question, the advising committee member,
 * milestones); its lead and members mark milestones done and hand in the result (a link and a
 * one-paragraph summary); a committee member who is not in the project accepts it or sends it
 * back with a comment. Every refusal changes nothing. The people concerned hear of each step
 * through the outbox, in the transaction of the change.
 */
import { committeeRolesOf } from "../../db/repositories/report-access.ts";
import {
  createProject,
  markMilestoneDone,
  type ProjectRecord,
  projectById,
  projectsOfYear,
  studyAudit,
  type Tx,
  updateProjectIfUnchanged,
} from "../../db/repositories/study.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import { projectInputError, reviewRefusal, submitResultRefusal } from "../../domain/study.ts";
import type {
  NewProjectValues,
  ProjectListView,
  ProjectView,
  StudyPresenter,
} from "../../ports/study.ts";
import type { Deps } from "../kit/result.ts";
import { Conflict, inTxRetrying } from "../kit/tx.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { loadStudyEnv, type StudyEnv } from "./env.ts";
import { type Result, refuse } from "./result.ts";

export const QUESTION_MAX = 1000;
export const SUMMARY_MAX = 2000;
export const COMMENT_MAX = 1000;

export const projectView = (p: ProjectRecord): ProjectView => ({
  id: p.id,
  year: p.year,
  name: p.name,
  lead: p.leadUserId,
  members: p.members,
  question: p.question,
  advisor: p.advisorUserId,
  state: p.state,
  resultLink: p.resultLink,
  resultSummary: p.resultSummary,
  reviewComment: p.reviewComment,
  milestones: p.milestones.map((m) => ({
    id: m.id,
    title: m.title,
    dueDate: m.dueDate,
    done: m.doneAt !== null,
  })),
});

const inProject = (p: ProjectRecord, userId: string) =>
  p.leadUserId === userId || p.members.includes(userId);

/** Everyone a project's news goes to: lead, members, the advisor (and who registered it). */
const concerned = (p: ProjectRecord, also: string[] = []) => [
  ...new Set([p.leadUserId, ...p.members, ...(p.advisorUserId ? [p.advisorUserId] : []), ...also]),
];

async function tell(
  tx: Tx,
  env: StudyEnv,
  present: StudyPresenter,
  p: ProjectRecord,
  event: "registered" | "accepted" | "returned",
  also: string[] = [],
): Promise<void> {
  const view = projectView(p);
  for (const user of concerned(p, also)) {
    await enqueueDelivery(tx, {
      dedupeKey: `study:project:${p.id}:v${p.version}:${event}:${user}`,
      method: "dm",
      payload: { user, ...present.projectNews(view, event, env.t) },
    });
  }
}

/** The year's projects, with what this person may do with each. */
export async function listProjects(
  deps: Deps,
  req: { userId: string; year?: number },
): Promise<Result<{ view: ProjectListView; env: StudyEnv }>> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const year = req.year ?? Number(localDateOf(deps.now(), env.timezone).slice(0, 4));
  const roles = await committeeRolesOf(deps.db, req.userId);
  const committee = roles.member || roles.admin;
  const projects = await projectsOfYear(deps.db.prisma, year);
  return {
    ok: true,
    env,
    view: {
      year,
      viewer: req.userId,
      canCreate: true,
      projects: projects.map((p) => ({
        ...projectView(p),
        mine: inProject(p, req.userId),
        canReview: committee && !inProject(p, req.userId) && p.state === "submitted",
      })),
      accepted: projects.filter((p) => p.state === "accepted").length,
    },
  };
}

export interface NewProjectRequest extends NewProjectValues {
  actor: string;
  source: string;
}

/**
 * Registers a project. The actor is on the committee or is its lead; the advisor, when given,
 * is a committee member.
 */
export async function registerProject(
  deps: Deps,
  present: StudyPresenter,
  req: NewProjectRequest,
): Promise<Result<{ projectId: number }>> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const why = projectInputError({ name: req.name, lead: req.lead, question: req.question });
  if (why) return refuse(why);
  const lead = req.lead as string;
  const roles = await committeeRolesOf(deps.db, req.actor);
  if (!roles.member && !roles.admin && req.actor !== lead) return refuse("not-organiser");
  if (req.advisor) {
    const advisor = await committeeRolesOf(deps.db, req.advisor);
    if (!advisor.member && !advisor.admin) return refuse("not-advisor");
  }
  const year = Number(localDateOf(deps.now(), env.timezone).slice(0, 4));
  return inTxRetrying(deps.db, async (tx): Promise<Result<{ projectId: number }>> => {
    const projectId = await createProject(tx, {
      year,
      name: req.name.trim(),
      leadUserId: lead,
      members: [...new Set(req.members)].filter((m) => m !== lead),
      question: req.question.trim().slice(0, QUESTION_MAX),
      advisorUserId: req.advisor,
      createdBy: req.actor,
      milestones: req.milestones,
    });
    await studyAudit(tx, {
      actor: req.actor,
      action: "study.project.create",
      entityId: String(projectId),
      data: { name: req.name.trim(), lead },
      source: req.source,
    });
    const p = await projectById(tx, projectId);
    if (p) await tell(tx, env, present, p, "registered", [req.actor]);
    return { ok: true, projectId };
  });
}

/**
 * A change to a project: the org loaded, then in one transaction (from the top if another
 * change won) the project read and `change` applied.
 */
async function projectChange<T extends object>(
  deps: Deps,
  req: { projectId: number },
  change: (tx: Tx, c: { env: StudyEnv; p: ProjectRecord; now: Date }) => Promise<Result<T>>,
): Promise<Result<T>> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const now = deps.now();
  return inTxRetrying(deps.db, async (tx): Promise<Result<T>> => {
    const p = await projectById(tx, req.projectId);
    if (!p) return refuse("not-found");
    return change(tx, { env, p, now });
  });
}

/** The audit entry `study.project.<action>` of a change to project `projectId`. */
function auditProject(
  tx: Tx,
  req: { userId: string; source: string },
  projectId: number,
  action: string,
  data: object,
) {
  return studyAudit(tx, {
    actor: req.userId,
    action: `study.project.${action}`,
    entityId: String(projectId),
    data,
    source: req.source,
  });
}

/** The lead or a member marks the project's next open milestone done. */
export async function completeMilestone(
  deps: Deps,
  req: { projectId: number; userId: string; source: string },
): Promise<Result<{ title: string }>> {
  return projectChange(deps, req, async (tx, { p, now }): Promise<Result<{ title: string }>> => {
    if (!inProject(p, req.userId)) return refuse("not-member");
    if (p.state === "accepted" || p.state === "submitted") return refuse("wrong-state");
    const next = p.milestones.find((m) => m.doneAt === null);
    if (!next) return refuse("no-milestone");
    if (!(await updateProjectIfUnchanged(tx, p.id, p.version, {}))) throw new Conflict();
    if (!(await markMilestoneDone(tx, next.id, now))) throw new Conflict();
    await auditProject(tx, req, p.id, "milestone", { position: next.position, title: next.title });
    return { ok: true, title: next.title };
  });
}

/** What the submit-result and send-back modals show. */
export async function openProject(
  deps: Deps,
  req: { projectId: number; userId: string; purpose: "submit" | "return" },
): Promise<Result<{ project: ProjectView; env: StudyEnv }>> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const p = await projectById(deps.db.prisma, req.projectId);
  if (!p) return refuse("not-found");
  if (req.purpose === "submit") {
    if (!inProject(p, req.userId)) return refuse("not-member");
    if (p.state !== "active" && p.state !== "returned") return refuse("wrong-state");
  } else {
    const roles = await committeeRolesOf(deps.db, req.userId);
    const why = reviewRefusal({
      state: p.state,
      reviewerIsCommittee: roles.member || roles.admin,
      reviewerInProject: inProject(p, req.userId),
      decision: "accept",
      comment: "",
    });
    if (why) return refuse(why);
  }
  return { ok: true, env, project: projectView(p) };
}

/** The lead or a member hands in the result; the committee channel gets it to review. */
export async function submitProjectResult(
  deps: Deps,
  present: StudyPresenter,
  req: { projectId: number; userId: string; link: string; summary: string; source: string },
): Promise<Result<{ name: string }>> {
  const result = await projectChange(deps, req, async (tx, { env, p, now }) => {
    const why = submitResultRefusal({
      state: p.state,
      actor: req.userId,
      lead: p.leadUserId,
      members: p.members,
      link: req.link,
      summary: req.summary,
    });
    if (why) return refuse(why);
    const data = {
      state: "submitted",
      resultLink: req.link.trim(),
      resultSummary: req.summary.trim().slice(0, SUMMARY_MAX),
      submittedAt: now,
    };
    if (!(await updateProjectIfUnchanged(tx, p.id, p.version, data))) throw new Conflict();
    await auditProject(tx, req, p.id, "submit", { link: data.resultLink });
    const view = projectView({ ...p, ...data, state: "submitted" });
    await enqueueDelivery(tx, {
      dedupeKey: `study:project:${p.id}:v${p.version + 1}:review`,
      method: "chat.postMessage",
      payload: {
        channel: env.committeeChannel,
        ...present.projectReview(view, env.t),
        unfurl_links: false,
      },
    });
    return { ok: true, name: p.name };
  });
  if (result.ok) deps.homes?.changed({ users: [req.userId] });
  return result;
}

/** A committee member not in the project accepts the result or sends it back with a comment. */
export async function reviewProjectResult(
  deps: Deps,
  present: StudyPresenter,
  req: {
    projectId: number;
    userId: string;
    decision: "accept" | "return";
    comment: string;
    source: string;
  },
): Promise<Result<{ name: string }>> {
  const roles = await committeeRolesOf(deps.db, req.userId);
  const result = await projectChange(deps, req, async (tx, { env, p, now }) => {
    const why = reviewRefusal({
      state: p.state,
      reviewerIsCommittee: roles.member || roles.admin,
      reviewerInProject: inProject(p, req.userId),
      decision: req.decision,
      comment: req.comment,
    });
    if (why) return refuse(why);
    const accepted = req.decision === "accept";
    const data = {
      state: accepted ? "accepted" : "returned",
      reviewedBy: req.userId,
      reviewComment: req.comment.trim() === "" ? null : req.comment.trim().slice(0, COMMENT_MAX),
      ...(accepted ? { acceptedAt: now } : {}),
    };
    if (!(await updateProjectIfUnchanged(tx, p.id, p.version, data))) throw new Conflict();
    await auditProject(tx, req, p.id, req.decision, { comment: data.reviewComment });
    const after = await projectById(tx, p.id);
    if (after) await tell(tx, env, present, after, accepted ? "accepted" : "returned");
    return { ok: true, name: p.name };
  });
  if (result.ok) deps.homes?.changed({ users: [req.userId] });
  return result;
}
