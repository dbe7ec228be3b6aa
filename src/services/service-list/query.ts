/**
 * The secretary sees the branch's reports and may query one: the question goes to the member's
 * DM (through the outbox; its ts is kept by the result handler) and the member answers in its
 * thread, each reply recorded on the report once. A report is visible to its member, the
 * branch's secretaries and the committee (`maySeeReports`), not to other members.
 */

import {
  branchReports,
  recordQueryReply,
  reportById,
  reportOfQueryThread,
  setQueryOnce,
  storeQueryTs,
} from "../../db/repositories/service-list.ts";
import { loadActor } from "../../db/repositories/tasklist.ts";
import { maySeeReports, quarterOfDate } from "../../domain/service-list.ts";
import type {
  BranchReportsView,
  QueryForm,
  ServiceListPresenter,
  ServiceReportView,
} from "../../ports/service-list.ts";
import type { Deps, Outcome } from "../kit/result.ts";
import { refuse } from "../kit/result.ts";
import type { ThreadReply } from "../kit/thread-reply.ts";
import { inTxRetrying } from "../kit/tx.ts";
import type { ResultHandlers } from "../outbox/index.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { loadServiceEnv, type ServiceEnv, type ServiceError } from "./env.ts";

const QUERY_PREFIX = "service-query:";

type Row = NonNullable<Awaited<ReturnType<typeof reportById>>>;

export const reportView = (r: Omit<Row, "replies">): ServiceReportView => ({
  id: r.id,
  userId: r.userId,
  date: r.date,
  community: r.community,
  category: r.category,
  hours: r.centiHours / 100,
  what: r.what,
  link: r.link,
  file: r.fileId ? { name: r.fileName ?? r.fileId, url: r.fileUrl } : null,
});

/** May `userId` query this report: a secretary of its branch or the committee, not its member. */
async function mayQuery(deps: Deps, userId: string, report: Row): Promise<boolean> {
  if (report.userId === userId) return false;
  const actor = await loadActor(deps.db, userId);
  return maySeeReports(actor, { userId: report.userId, branchKeys: [report.branchKey] });
}

export async function openQuery(
  deps: Deps,
  userId: string,
  reportId: number,
): Promise<Outcome<{ form: QueryForm; env: ServiceEnv }, ServiceError>> {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org");
  const report = await reportById(deps.db.prisma, reportId);
  if (!report) return refuse("not-found");
  if (!(await mayQuery(deps, userId, report))) return refuse("not-secretary");
  if (report.queriedBy) return refuse("already-queried");
  return { ok: true, env, form: { report: reportView(report) } };
}

/** Sends the question to the member's DM, once per report. */
export async function sendQuery(
  deps: Deps,
  present: Pick<ServiceListPresenter, "queryDm">,
  userId: string,
  reportId: number,
  question: string,
): Promise<Outcome<{ memberId: string }, ServiceError>> {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org");
  const text = question.trim();
  if (text === "") return refuse("question-required");
  const report = await reportById(deps.db.prisma, reportId);
  if (!report) return refuse("not-found");
  if (!(await mayQuery(deps, userId, report))) return refuse("not-secretary");
  return inTxRetrying(deps.db, async (tx) => {
    if (!(await setQueryOnce(tx, reportId, userId, text))) return refuse("already-queried");
    const dm = present.queryDm(
      { report: reportView(report), secretary: userId, question: text },
      env.t,
    );
    await enqueueDelivery(tx, {
      dedupeKey: `${QUERY_PREFIX}${reportId}`,
      method: "dm",
      payload: { user: report.userId, ...dm, unfurl_links: false },
      resultRef: `${QUERY_PREFIX}${reportId}`,
    });
    return { ok: true as const, memberId: report.userId };
  });
}

/** Keeps where the query was posted, so the member's replies in its thread find the report. */
export const serviceResultHandlers: ResultHandlers = {
  [QUERY_PREFIX]: async (tx, ref, { channel, ts }) => {
    const id = Number(ref.slice(QUERY_PREFIX.length));
    if (Number.isSafeInteger(id)) await storeQueryTs(tx, id, channel, ts);
  },
};

/** A reply in a query's thread by the report's member, recorded once; false when none. */
export async function recordQueryAnswer(deps: Deps, reply: ThreadReply): Promise<boolean> {
  const report = await reportOfQueryThread(deps.db.prisma, reply.channel, reply.threadTs);
  if (!report || report.userId !== reply.userId) return false;
  await inTxRetrying(deps.db, async (tx) => {
    await recordQueryReply(tx, {
      reportId: report.id,
      authorId: reply.userId,
      text: reply.text,
      slackTs: reply.ts,
    });
    return { ok: true as const };
  });
  return true;
}

/** The reports a secretary (their branches) or a committee member (all) sees this quarter. */
export async function reportsForSecretary(
  deps: Deps,
  userId: string,
): Promise<Outcome<{ view: BranchReportsView; env: ServiceEnv }, ServiceError>> {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org");
  const actor = await loadActor(deps.db, userId);
  let keys = actor.secretaryOf;
  if (actor.committeeMember) {
    const rows = await deps.db.prisma.branch.findMany({
      where: { active: true },
      select: { key: true },
    });
    keys = rows.map((r) => r.key);
  }
  if (keys.length === 0) return refuse("not-secretary");
  const quarter = quarterOfDate(env.today);
  const rows = await branchReports(deps.db.prisma, keys, quarter);
  return {
    ok: true,
    env,
    view: {
      quarter,
      total: rows.length,
      reports: rows.slice(0, 20).map((r) => ({
        ...reportView(r),
        queried: r.queriedBy !== null,
        replies: r.replies.length,
      })),
    },
  };
}
