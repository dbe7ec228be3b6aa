/**
 * Scheduling a study session: a system admin schedules any kind; a branch secretary schedules
 * their own branch's study. A session in the past, without a topic, with a material that is not
 * a link or without anyone expected is refused and nothing is stored. The notice and the
 * invitations go out `noticeDaysBefore` days ahead at the session's time of day: at once when
 * that is past, else from the hourly `study-notice` job.
 */
import type { Database } from "../../db/client.ts";
import { committeeRolesOf } from "../../db/repositories/report-access.ts";
import {
  activeBranchList,
  branchesOfSecretary,
  branchWithPeople,
  claimOccurrence,
  createStudySession,
  studyAudit,
  studySessionByOccurrence,
  studySessionsBetween,
  type Tx,
  unclaimedSessionIn,
} from "../../db/repositories/study.ts";
import { addDays, type LocalDate } from "../../domain/calendar.ts";
import { localDateOf, localTimeOf, zonedInstant } from "../../domain/lecture-time.ts";
import { addMonths, type Period, periodEnd, periodStart } from "../../domain/period.ts";
import {
  centreGroupDate,
  centreGroupOccurrence,
  type Material,
  STUDY_KINDS,
  type StudyKind,
  sessionInputError,
} from "../../domain/study.ts";
import { formatReportPeriod } from "../../i18n/dates.ts";
import type { NewSessionForm, StudyPresenter } from "../../ports/study.ts";
import type { Deps } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { loadStudyEnv, type StudyEnv } from "./env.ts";
import { sendNotices } from "./messages.ts";
import { type Result, refuse } from "./result.ts";

/** When a session's notice goes out: `noticeDaysBefore` days ahead at its time, or now. */
export function noticeAt(env: StudyEnv, date: LocalDate, time: string, now: Date): Date {
  const at = zonedInstant(addDays(date, -env.study.noticeDaysBefore), time, env.timezone);
  return at > now ? at : now;
}

/** What the person may schedule: every kind (admin), or their branches' study (secretary). */
export async function openNewSession(
  deps: Deps,
  userId: string,
): Promise<Result<{ form: NewSessionForm; env: StudyEnv }>> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const roles = await committeeRolesOf(deps.db, userId);
  const branches = roles.admin
    ? await activeBranchList(deps.db)
    : await branchesOfSecretary(deps.db, userId);
  if (!roles.admin && branches.length === 0) return refuse("not-organiser");
  return {
    ok: true,
    env,
    form: {
      kinds: roles.admin ? [...STUDY_KINDS] : ["branch-study"],
      branches: branches.map((b) => ({ key: b.key, name: b.name })),
      timezone: env.timezone,
      today: localDateOf(deps.now(), env.timezone),
      sessionMinutes: env.study.sessionMinutes,
    },
  };
}

export interface NewSessionRequest {
  actor: string;
  kind: StudyKind;
  branchKey: string | null;
  date: LocalDate;
  time: string;
  minutes: number | null;
  topic: string;
  materials: Material[];
  /** Who is expected; a branch's study defaults to its secretaries and members. */
  expected: string[];
  source: string;
}

export async function scheduleSession(
  deps: Deps,
  present: StudyPresenter,
  req: NewSessionRequest,
): Promise<Result<{ sessionId: number; noticeAt: Date }>> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const roles = await committeeRolesOf(deps.db, req.actor);
  const branch = req.branchKey ? await branchWithPeople(deps.db, req.branchKey) : null;
  if (req.branchKey && !branch) return refuse("no-branch");
  if (req.kind === "branch-study" && !branch) return refuse("no-branch");
  const secretaryHere = branch?.secretaries.includes(req.actor) ?? false;
  if (!roles.admin && !(req.kind === "branch-study" && secretaryHere)) {
    return refuse("not-organiser");
  }
  const expected =
    req.expected.length > 0
      ? [...new Set(req.expected)]
      : branch
        ? [...new Set([...branch.secretaries, ...branch.members])]
        : [];
  const startsAt = zonedInstant(req.date, req.time, env.timezone);
  const now = deps.now();
  const invalid = sessionInputError({ topic: req.topic, startsAt, now, expected });
  if (invalid) return refuse(invalid);
  const channelId = branch?.channelId ?? env.committeeChannel;
  const at = noticeAt(env, req.date, req.time, now);
  const sessionId = await inTx(deps.db, async (tx) => {
    const id = await createStudySession(tx, {
      kind: req.kind,
      branchId: branch?.id ?? null,
      topic: req.topic.trim(),
      date: req.date,
      startsAt,
      minutes: req.minutes ?? env.study.sessionMinutes,
      materials: req.materials,
      chairUserId: req.actor,
      createdBy: req.actor,
      occurrence: null,
      channelId,
      expected,
    });
    await studyAudit(tx, {
      actor: req.actor,
      action: "study.schedule",
      entityId: String(id),
      data: { kind: req.kind, date: req.date, expected: expected.length },
      source: req.source,
    });
    if (at <= now) await sendNotices(tx, env, present, id);
    return id;
  });
  deps.homes?.changed({ users: expected });
  return { ok: true, sessionId, noticeAt: at };
}

/** The month of the org file's centre-group session whose notice is due at `at`, if any. */
export function centreGroupMonths(env: Pick<StudyEnv, "study" | "timezone">, from: Date, to: Date) {
  const group = env.study.centreGroup;
  if (!group) return [];
  const out: { month: Period; date: LocalDate; fireAt: Date }[] = [];
  let month = localDateOf(from, env.timezone).slice(0, 7);
  const last = addMonths(localDateOf(to, env.timezone).slice(0, 7), 1);
  for (let i = 0; i < 600 && month <= last; i++, month = addMonths(month, 1)) {
    const date = centreGroupDate(month, group.day);
    const fireAt = zonedInstant(
      addDays(date, -env.study.noticeDaysBefore),
      group.time,
      env.timezone,
    );
    if (fireAt > from && fireAt <= to) out.push({ month, date, fireAt });
  }
  return out;
}

/**
 * The `study-notice` job's work at `at`: the org file's centre-group session of the month is
 * made once its notice time has come (an admin's centre-group session that month is adopted,
 * with its materials; the occurrence key "centre-group:2026-12" makes it once), then every
 * session whose notice time has come and that has not begun gets its notice and invitations
 * (the outbox keys make a re-run send nothing new).
 */
export async function sendDueNotices(
  deps: Deps,
  present: StudyPresenter,
  at: Date,
  source: string,
): Promise<{ created: string[]; noticed: number[] }> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return { created: [], noticed: [] };
  const group = env.study.centreGroup;
  const today = localDateOf(at, env.timezone);
  const created: string[] = [];
  const noticed: number[] = [];
  const users = new Set<string>();
  await inTx(deps.db, async (tx) => {
    if (group) {
      const months = centreGroupMonths(env, new Date(at.getTime() - 40 * 86_400_000), at);
      for (const m of months.filter((x) => x.date >= today)) {
        if (await ensureCentreGroupSession(tx, env, m.month, group, source)) created.push(m.month);
      }
    }
    const last = addDays(today, env.study.noticeDaysBefore + 1);
    for (const s of await studySessionsBetween(tx, today, last)) {
      if (s.startsAt <= at) continue;
      const time = localTimeOf(s.startsAt, env.timezone);
      if (noticeAt(env, s.date, time, at) > at) continue;
      if ((await sendNotices(tx, env, present, s.id)) > 0) {
        noticed.push(s.id);
        for (const a of s.attendees) users.add(a.userId);
      }
    }
  });
  if (users.size > 0) deps.homes?.changed({ users: [...users] });
  return { created, noticed };
}

/** The month's centre-group session exists; true when this call made (or adopted) it. */
async function ensureCentreGroupSession(
  tx: Tx,
  env: StudyEnv,
  month: Period,
  group: NonNullable<StudyEnv["study"]["centreGroup"]>,
  source: string,
): Promise<boolean> {
  const occurrence = centreGroupOccurrence(month);
  if (await studySessionByOccurrence(tx, occurrence)) return false;
  const adopted = await unclaimedSessionIn(
    tx,
    "centre-group",
    periodStart(month),
    periodEnd(month),
  );
  if (adopted) {
    await claimOccurrence(tx, adopted.id, occurrence);
    return true;
  }
  const date = centreGroupDate(month, group.day);
  await createStudySession(tx, {
    kind: "centre-group",
    branchId: null,
    topic:
      group.topic ?? env.t("study.centreGroup.topic", { month: formatReportPeriod(month, env.t) }),
    date,
    startsAt: zonedInstant(date, group.time, env.timezone),
    minutes: env.study.sessionMinutes,
    materials: [],
    chairUserId: group.chair,
    createdBy: source,
    occurrence,
    channelId: group.channel ?? env.committeeChannel,
    expected: group.members,
  });
  return true;
}

/**
 * When the `study-notice` job next has work after `after` (the hour it fires at): the notice
 * time of a coming session whose notice is not out yet, or of the org file's next centre-group
 * session; null when there is none in the coming 100 days.
 */
export async function nextNoticeAt(db: Database, after: Date): Promise<Date | null> {
  const env = await loadStudyEnv(db);
  if (!env) return null;
  const today = localDateOf(after, env.timezone);
  const horizon = new Date(after.getTime() + 100 * 86_400_000);
  const times: Date[] = [];
  for (const s of await studySessionsBetween(db, today, addDays(today, 100))) {
    if (s.startsAt <= after) continue;
    times.push(noticeAt(env, s.date, localTimeOf(s.startsAt, env.timezone), after));
  }
  for (const m of centreGroupMonths(env, after, horizon)) {
    if (!(await studySessionByOccurrence(db.prisma, centreGroupOccurrence(m.month)))) {
      times.push(m.fireAt);
    }
  }
  const first = times.filter((d) => d > after).sort((a, b) => a.getTime() - b.getTime())[0];
  return first ? new Date(Math.ceil(first.getTime() / HOUR_MS) * HOUR_MS) : null;
}

const HOUR_MS = 3600_000;
