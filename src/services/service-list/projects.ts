/**
 * The committee's practical projects: each has one message in the committee channel kept
 * current (posted by the `project-milestones` job, updated in the transaction of each change).
 * The lead (or the committee) posts progress (modal or a reply in the thread, files there being
 * evidence), asks for completion; a committee member other than the lead and not of the lead
 * branch's secretaries confirms it (four eyes) or sends it back with a comment. Every click is a
 * conditional update on the project's version: of two clicks one wins, the other is told why.
 */

import type { Database, Prisma } from "../../db/client.ts";
import {
  addProjectNote,
  addThreadNoteOnce,
  markMilestoneDone,
  openProjects,
  type ProjectRow,
  projectById,
  projectOfThread,
  projectsWithoutMessage,
  storeProjectTs,
  updateProjectIfUnchanged,
} from "../../db/repositories/practical-projects.ts";
import { loadActor } from "../../db/repositories/tasklist.ts";
import { addDays, type CalendarSettings } from "../../domain/calendar.ts";
import {
  type EvidenceFile,
  type EvidenceFileError,
  evidenceFilesProblem,
} from "../../domain/evidence-files.ts";
import {
  confirmRefusal,
  isoWeek,
  milestoneAlerts,
  nextMilestone,
  type ProjectError,
  progressRefusal,
  projectPercent,
  requestRefusal,
} from "../../domain/service-list.ts";
import type { ProjectsPresenter, ProjectView } from "../../ports/service-list.ts";
import type { Deps, Outcome } from "../kit/result.ts";
import { refuse } from "../kit/result.ts";
import type { ThreadReply } from "../kit/thread-reply.ts";
import { Conflict, inTx, inTxRetrying } from "../kit/tx.ts";
import { calendarOf } from "../org/calendar-settings.ts";
import { enqueueDelivery, type ResultHandlers } from "../outbox/index.ts";
import { loadServiceEnv, type ServiceEnv } from "./env.ts";

type Tx = Prisma.TransactionClient;

export type ProjectOutcomeError =
  | ProjectError
  | EvidenceFileError
  | "no-org"
  | "not-found"
  | "busy";

const PROJECT_PREFIX = "service-project:";
const postKey = (id: number) => `${PROJECT_PREFIX}${id}:post`;

export async function projectView(tx: Tx, p: ProjectRow): Promise<ProjectView> {
  const branch = await tx.branch.findUnique({
    where: { key: p.branchKey },
    select: { name: true },
  });
  const milestones = p.milestones.map((m) => ({
    position: m.position,
    title: m.title,
    due: m.due,
    done: m.doneAt !== null,
  }));
  const next = nextMilestone(milestones);
  return {
    id: p.id,
    title: p.title,
    serves: p.serves,
    branchName: branch?.name ?? p.branchKey,
    leadUserId: p.leadUserId,
    goal: p.goal,
    beneficiaries: p.beneficiaries,
    status: p.status,
    percent: projectPercent({ status: p.status, milestones }),
    next: next ? { title: next.title, due: next.due } : null,
    milestones: milestones.map(({ title, due, done }) => ({ title, due, done })),
    notes: p.notes.slice(-5).map((n) => ({
      kind: n.kind,
      authorId: n.authorId,
      text: n.text,
      link: n.link,
    })),
    noteCount: p.notes.length,
    confirmedBy: p.confirmedBy,
  };
}

const snapshot = (p: ProjectRow) => ({
  status: p.status,
  branchKey: p.branchKey,
  leadUserId: p.leadUserId,
  milestones: p.milestones.map((m) => ({
    position: m.position,
    title: m.title,
    due: m.due,
    done: m.doneAt !== null,
  })),
});

/** What rendering and posting a project's messages needs of the org. */
export type MessageEnv = Pick<ServiceEnv, "t" | "committeeChannel">;

/** Posts the project's committee message once (its ts comes back through the result handler). */
async function ensureMessage(tx: Tx, env: MessageEnv, present: ProjectsPresenter, p: ProjectRow) {
  if (p.channel) return;
  const message = present.projectMessage(await projectView(tx, p), env.t);
  await enqueueDelivery(tx, {
    dedupeKey: postKey(p.id),
    method: "chat.postMessage",
    payload: { channel: env.committeeChannel, ...message, unfurl_links: false },
    resultRef: `${PROJECT_PREFIX}${p.id}`,
  });
}

/** A new project's committee message, enqueued in the transaction that created it. */
export async function postProjectMessage(
  tx: Tx,
  env: MessageEnv,
  present: ProjectsPresenter,
  id: number,
): Promise<void> {
  const p = await projectById(tx, id);
  if (p) await ensureMessage(tx, env, present, p);
}

/** The committee message re-rendered from the project as it is now (after its post). */
export async function refreshMessage(
  tx: Tx,
  env: MessageEnv,
  present: ProjectsPresenter,
  id: number,
) {
  const p = await projectById(tx, id);
  if (!p) return;
  const message = present.projectMessage(await projectView(tx, p), env.t);
  const posted = await tx.delivery.findUnique({ where: { dedupeKey: postKey(id) } });
  if (!posted) {
    await ensureMessage(tx, env, present, p);
    return;
  }
  await enqueueDelivery(tx, {
    dedupeKey: `${PROJECT_PREFIX}${id}:v${p.version}`,
    method: "chat.update",
    payload: { ...(p.channel && p.ts ? { channel: p.channel, ts: p.ts } : {}), ...message },
    after: postKey(id),
  });
}

export const projectResultHandlers: ResultHandlers = {
  [PROJECT_PREFIX]: async (tx, ref, { channel, ts }) => {
    const id = Number(ref.slice(PROJECT_PREFIX.length));
    if (Number.isSafeInteger(id)) await storeProjectTs(tx, id, channel, ts);
  },
};

export type Change<E extends string = never> = (
  tx: Tx,
  p: ProjectRow,
  env: ServiceEnv,
) => Promise<ProjectOutcomeError | E | { data: Prisma.PracticalProjectUpdateManyMutationInput }>;

/** One change of a project: read, ask the domain, write if unchanged, re-render its message. */
export async function change<E extends string = never>(
  deps: Deps,
  present: ProjectsPresenter,
  projectId: number,
  apply: Change<NoInfer<E>>,
): Promise<Outcome<{ projectId: number }, ProjectOutcomeError | E>> {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org");
  return inTxRetrying(deps.db, async (tx) => {
    const p = await projectById(tx, projectId);
    if (!p) return refuse("not-found" as const);
    const decided = await apply(tx, p, env);
    if (typeof decided === "string") return refuse(decided);
    if (!(await updateProjectIfUnchanged(tx, p.id, p.version, decided.data))) {
      throw new Conflict("the project changed meanwhile");
    }
    await refreshMessage(tx, env, present, p.id);
    return { ok: true as const, projectId: p.id };
  });
}

export interface ProgressInput {
  note: string;
  /** A milestone reached with this progress (its position), if any. */
  milestone?: number | null;
  link?: string | null;
  /** Files uploaded in the modal: one evidence note each (checked by evidence-files.ts). */
  files?: readonly EvidenceFile[];
}

export async function postProgress(
  deps: Deps,
  present: ProjectsPresenter,
  userId: string,
  projectId: number,
  input: ProgressInput,
) {
  return change(deps, present, projectId, async (tx, p) => {
    const refusal = progressRefusal(snapshot(p), await loadActor(tx, userId));
    if (refusal) return refusal;
    const files = input.files ?? [];
    const fileProblem = evidenceFilesProblem(files);
    if (fileProblem) return fileProblem;
    const text = input.note.trim();
    if (text === "" && input.milestone == null && files.length === 0) return "comment-required";
    if (text !== "" || input.link || input.milestone != null || files.length === 0)
      await addProjectNote(tx, {
        projectId: p.id,
        kind: input.link ? "evidence" : "progress",
        authorId: userId,
        text,
        link: input.link?.trim() || null,
      });
    for (const f of files) {
      await addProjectNote(tx, {
        projectId: p.id,
        kind: "evidence",
        authorId: userId,
        text: f.name,
        link: f.permalink,
        fileId: f.id,
      });
    }
    if (input.milestone != null)
      await markMilestoneDone(tx, p.id, input.milestone, userId, deps.now());
    return { data: {} };
  });
}

/**
 * A click that records its note and sets the project's status, when `refusal` lets this person:
 * asking for completion, confirming it.
 */
const statusClick =
  (
    refusal: typeof requestRefusal,
    kind: string,
    data: (now: Date, userId: string) => Prisma.PracticalProjectUpdateManyMutationInput,
  ) =>
  (deps: Deps, present: ProjectsPresenter, userId: string, projectId: number) =>
    change(deps, present, projectId, async (tx, p) => {
      const refused = refusal(snapshot(p), await loadActor(tx, userId));
      if (refused) return refused;
      await addProjectNote(tx, { projectId: p.id, kind, authorId: userId, text: "" });
      return { data: data(deps.now(), userId) };
    });

export const requestCompletion = statusClick(requestRefusal, "request", (now) => ({
  status: "COMPLETION_REQUESTED",
  requestedAt: now,
}));

export const confirmCompletion = statusClick(confirmRefusal, "confirmed", (now, userId) => ({
  status: "DONE",
  confirmedBy: userId,
  confirmedAt: now,
}));

export async function sendBack(
  deps: Deps,
  present: ProjectsPresenter,
  userId: string,
  projectId: number,
  comment: string,
) {
  return change(deps, present, projectId, async (tx, p) => {
    const refusal = confirmRefusal(snapshot(p), await loadActor(tx, userId));
    if (refusal) return refusal;
    if (comment.trim() === "") return "comment-required";
    await addProjectNote(tx, {
      projectId: p.id,
      kind: "sent-back",
      authorId: userId,
      text: comment.trim(),
    });
    return { data: { status: "ACTIVE", requestedAt: null } };
  });
}

/**
 * What a project's modal starts from, once `refusal` (read from the database now) lets this
 * person open it: nothing is asked of them while they may not.
 */
export async function openProjectModal<E extends string>(
  deps: Deps,
  userId: string,
  projectId: number,
  refusal: (p: ProjectRow, actor: Awaited<ReturnType<typeof loadActor>>) => E | null,
) {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org" as const);
  const p = await projectById(deps.db.prisma, projectId);
  if (!p) return refuse("not-found" as const);
  const refused = refusal(p, await loadActor(deps.db, userId));
  if (refused) return refuse(refused);
  return { ok: true as const, env, view: await projectView(deps.db.prisma, p) };
}

/** What the progress modal starts from (and whether this person may post progress). */
export const openProgress = (deps: Deps, userId: string, projectId: number) =>
  openProjectModal(deps, userId, projectId, (p, actor) => progressRefusal(snapshot(p), actor));

/** May this person send the project back (the modal asks for the comment first)? */
export const openSendBack = (deps: Deps, userId: string, projectId: number) =>
  openProjectModal(deps, userId, projectId, (p, actor) => confirmRefusal(snapshot(p), actor));

export interface ProjectThreadReply extends ThreadReply {
  files: { id: string; name: string; permalink: string | null }[];
}

/**
 * A reply in a project's thread: a progress note by the lead or the committee (its files are
 * evidence, one note each), recorded once by its ts. False when the thread is not a project's.
 */
export async function recordProjectReply(
  deps: Deps,
  present: ProjectsPresenter,
  reply: ProjectThreadReply,
): Promise<boolean> {
  const found = await projectOfThread(deps.db.prisma, reply.channel, reply.threadTs);
  if (!found) return false;
  const env = await loadServiceEnv(deps);
  if (!env) return true;
  await inTxRetrying(deps.db, async (tx) => {
    const p = await projectById(tx, found.id);
    if (!p || progressRefusal(snapshot(p), await loadActor(tx, reply.userId))) {
      return { ok: true as const };
    }
    const notes = [
      {
        kind: "progress",
        text: reply.text,
        link: null as string | null,
        fileId: null as string | null,
      },
      ...reply.files.map((f) => ({
        kind: "evidence",
        text: f.name,
        link: f.permalink,
        fileId: f.id,
      })),
    ].filter((n) => n.kind === "evidence" || n.text.trim() !== "");
    let added = false;
    for (const [i, n] of notes.entries()) {
      const slackTs = i === 0 ? reply.ts : `${reply.ts}#${i}`;
      added =
        (await addThreadNoteOnce(tx, {
          projectId: p.id,
          kind: n.kind,
          authorId: reply.userId,
          text: n.text,
          link: n.link,
          fileId: n.fileId,
          slackTs,
        })) || added;
    }
    if (!added) return { ok: true as const };
    if (!(await updateProjectIfUnchanged(tx, p.id, p.version, {})))
      throw new Conflict("the project changed meanwhile");
    await refreshMessage(tx, env, present, p.id);
    return { ok: true as const };
  });
  return true;
}

/** What a project's milestones call for on a day, each with the key that sends it once. */
function dueAlerts(p: ProjectRow, day: string, calendar: CalendarSettings) {
  const week = isoWeek(day);
  return milestoneAlerts(snapshot(p), day, calendar).flatMap((alert) => {
    const key = `${PROJECT_PREFIX}${p.id}:m${alert.milestone.position}`;
    return [
      { ...alert, key: alert.kind === "remind" ? `${key}:remind` : `${key}:escalate:${week}` },
    ];
  });
}

/**
 * The first day from `from` on whose `project-milestones` run has something to send (a project's
 * message, a reminder, an escalation not sent yet), or null within a year: the sandbox's clock
 * panel jumps there ("Next milestone reminder").
 */
export async function nextMilestoneWorkDay(
  db: Database,
  settings: unknown,
  timezone: string,
  from: string,
): Promise<string | null> {
  const calendar = calendarOf(settings, timezone);
  const open = await openProjects(db.prisma);
  const sent = new Set(
    (
      await db.prisma.delivery.findMany({
        where: { dedupeKey: { startsWith: PROJECT_PREFIX } },
        select: { dedupeKey: true },
      })
    ).map((d) => d.dedupeKey),
  );
  if (open.some((p) => p.channel === null && !sent.has(postKey(p.id)))) return from;
  for (let day = from, n = 0; n < 370; day = addDays(day, 1), n++) {
    if (open.some((p) => dueAlerts(p, day, calendar).some((a) => !sent.has(a.key)))) return day;
  }
  return null;
}

/**
 * The `project-milestones` run for a local date: each project without its committee message
 * gets it; each open milestone due within 3 working days reminds the lead once; each overdue
 * one escalates to the committee once a week (keyed by the ISO week). While a project has no
 * lead (they left), its reminders go to the committee, which is asked to name one (leads.ts).
 */
export async function runProjectMilestones(
  deps: Deps,
  present: ProjectsPresenter,
  today: string,
): Promise<{ posted: number; reminded: number; escalated: number }> {
  const env = await loadServiceEnv(deps);
  if (!env) return { posted: 0, reminded: 0, escalated: 0 };
  const calendar = calendarOf(env.org.settings, env.org.timezone);
  return inTx(deps.db, async (tx) => {
    const fresh = await projectsWithoutMessage(tx);
    let posted = 0;
    for (const p of fresh) {
      const was = await tx.delivery.findUnique({ where: { dedupeKey: postKey(p.id) } });
      if (!was) {
        await ensureMessage(tx, env, present, p);
        posted++;
      }
    }
    let reminded = 0;
    let escalated = 0;
    for (const p of await openProjects(tx)) {
      const view = await projectView(tx, p);
      for (const alert of dueAlerts(p, today, calendar)) {
        const m = alert.milestone;
        const shown = { project: view, milestone: { title: m.title, due: m.due } };
        if (alert.kind === "remind" && p.leadUserId) {
          const sent = await enqueueDelivery(tx, {
            dedupeKey: alert.key,
            method: "dm",
            payload: { user: p.leadUserId, ...present.milestoneReminder(shown, env.t) },
          });
          if (sent) reminded++;
        } else {
          // An escalation, or a reminder while the project has no lead: the committee's.
          const message =
            alert.kind === "remind"
              ? present.milestoneReminder(shown, env.t)
              : present.milestoneEscalation(shown, env.t);
          const sent = await enqueueDelivery(tx, {
            dedupeKey: alert.key,
            method: "chat.postMessage",
            payload: {
              channel: env.committeeChannel,
              ...message,
              ...(p.ts ? { thread_ts: p.ts, reply_broadcast: true } : {}),
            },
          });
          if (sent && alert.kind === "remind") reminded++;
          else if (sent) escalated++;
        }
      }
    }
    return { posted, reminded, escalated };
  });
}
