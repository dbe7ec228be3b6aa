/**
 * Normalized study (issue 23): the kinds of study session, who may draw a speaker and whom the
 * draw gives, attendance pre-filled from the confirmations, make-up and study hours. Pure: the
 * random source, the clock and the records are arguments.
 *
 * The draw's fairness rule (the random source only breaks ties):
 * - the year's pool is everyone present at some session of the group this year;
 * - a person is due when nobody in the pool has spoken fewer times this year ("nobody twice
 *   before everyone once", and so on for every round);
 * - the draw picks at random among those present at this session who are due and not yet drawn
 *   in it; a present person who is not due is never drawn by the plain draw, so when everyone
 *   present has spoken more than someone absent, the draw says so (naming who is owed a turn)
 *   and changes nothing;
 * - the chair may then ask for a draw out of turn (docs/decisions/study-draw-out-of-turn.md):
 *   at random among those present, not yet drawn here, who have spoken the fewest times; it is
 *   marked out of turn, and those owed a turn keep it (they are still the least spoken);
 * - a drawn person found absent is skipped: the skip is recorded, does not count as speaking,
 *   and they stay due (they keep their priority for the next session they attend).
 */
import { addDays, type LocalDate } from "./calendar.ts";
import { dayOfPeriod, type Period } from "./period.ts";

export const STUDY_KINDS = [
  "first-topic",
  "centre-group",
  "special-class",
  "branch-study",
] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];

export const ATTENDANCE = ["present", "excused", "absent"] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** What an expected person answered to the notice. */
export type StudyResponse = "confirmed" | "excused";

export type UserId = string;

// ── the draw ──

export interface DrawInput {
  /** Present at this session (attendance recorded, or else confirmed and not found absent). */
  present: readonly UserId[];
  /** Already drawn at this session (spoke, or skipped as absent). */
  drawnHere: readonly UserId[];
  /** Times each person spoke at the group's sessions this year (before this draw). */
  spokenThisYear: ReadonlyMap<UserId, number>;
  /** Everyone present at some session of the group this year, this one included. */
  pool: readonly UserId[];
  /** Whether a draw is waiting for the chair to say spoke / absent. */
  pending: boolean;
  /**
   * The chair asked to draw out of turn: used only when nobody present is due; then the draw is
   * among those present with the fewest times spoken (and says it was out of turn).
   */
  outOfTurn?: boolean;
}

export type DrawRefusal = "draw-pending" | "nobody-present" | "nobody-due";

export type DrawResult =
  | { ok: true; userId: UserId; due: readonly UserId[]; round: number; outOfTurn: boolean }
  | { ok: false; error: DrawRefusal; owed?: readonly UserId[] };

/** A uniform integer in [0, n): crypto.randomInt in the service, a seeded one in tests. */
export type RandomIndex = (n: number) => number;

const spoken = (counts: ReadonlyMap<UserId, number>, id: UserId) => counts.get(id) ?? 0;

/** Those present who may be drawn now, and the round they are in (times spoken so far). */
export function dueSpeakers(input: Omit<DrawInput, "pending">): { due: UserId[]; round: number } {
  const here = new Set(input.drawnHere);
  const present = [...new Set(input.present)].filter((id) => !here.has(id)).sort();
  const pool = new Set([...input.pool, ...input.present]);
  const round = Math.min(...[...pool].map((id) => spoken(input.spokenThisYear, id)));
  if (!Number.isFinite(round)) return { due: [], round: 0 };
  return { due: present.filter((id) => spoken(input.spokenThisYear, id) === round), round };
}

/**
 * Those in the pool who are owed a turn and are not here to take it: the least spoken of the
 * pool, absent from this session (why a plain draw finds nobody due).
 */
export function owedTurns(input: Omit<DrawInput, "pending">): UserId[] {
  const here = new Set(input.present);
  const pool = [...new Set([...input.pool, ...input.present])];
  const round = Math.min(...pool.map((id) => spoken(input.spokenThisYear, id)));
  return pool.filter((id) => !here.has(id) && spoken(input.spokenThisYear, id) === round).sort();
}

/** Out of turn: those present, not yet drawn here, who have spoken the fewest times. */
function fewestSpokenPresent(input: Omit<DrawInput, "pending">): { due: UserId[]; round: number } {
  const here = new Set(input.drawnHere);
  const left = [...new Set(input.present)].filter((id) => !here.has(id)).sort();
  const round = Math.min(...left.map((id) => spoken(input.spokenThisYear, id)));
  if (!Number.isFinite(round)) return { due: [], round: 0 };
  return { due: left.filter((id) => spoken(input.spokenThisYear, id) === round), round };
}

export function drawSpeaker(input: DrawInput, random: RandomIndex): DrawResult {
  if (input.pending) return { ok: false, error: "draw-pending" };
  if (input.present.length === 0) return { ok: false, error: "nobody-present" };
  let { due, round } = dueSpeakers(input);
  let outOfTurn = false;
  if (due.length === 0) {
    const fallback = input.outOfTurn ? fewestSpokenPresent(input) : { due: [], round: 0 };
    if (fallback.due.length === 0) {
      return { ok: false, error: "nobody-due", owed: owedTurns(input) };
    }
    ({ due, round } = fallback);
    outOfTurn = true;
  }
  const index = random(due.length);
  if (!Number.isInteger(index) || index < 0 || index >= due.length) {
    throw new Error(`random index ${index} outside [0, ${due.length})`);
  }
  return { ok: true, userId: due[index] as UserId, due, round, outOfTurn };
}

// ── attendance and make-up ──

export interface ExpectedPerson {
  userId: UserId;
  response?: StudyResponse | null;
}

/** The attendance modal's first values: confirmed → present, excused → excused, silent → absent. */
export function prefillAttendance(expected: readonly ExpectedPerson[]): Map<UserId, Attendance> {
  return new Map(
    expected.map((p) => [
      p.userId,
      p.response === "confirmed" ? "present" : p.response === "excused" ? "excused" : "absent",
    ]),
  );
}

/** Who owes a make-up: everyone expected who was not present. */
export const owesMakeUp = (attendance: Attendance | null | undefined): boolean =>
  attendance === "excused" || attendance === "absent";

/** The make-up's last day and the day of its one reminder (local dates). */
export function makeUpDates(
  sessionDate: LocalDate,
  rules: { makeUpDays: number; makeUpReminderDaysBefore: number },
): { due: LocalDate; remindOn: LocalDate } {
  const due = addDays(sessionDate, rules.makeUpDays);
  return { due, remindOn: addDays(due, -rules.makeUpReminderDaysBefore) };
}

export type MakeUpRefusal = "not-expected" | "was-present" | "not-recorded" | "already-made-up";

/** Whether this person may hand in a make-up note for the session now. */
export function makeUpRefusal(record: {
  expected: boolean;
  attendance: Attendance | null | undefined;
  madeUp: boolean;
}): MakeUpRefusal | null {
  if (!record.expected) return "not-expected";
  if (!record.attendance) return "not-recorded";
  if (record.attendance === "present") return "was-present";
  if (record.madeUp) return "already-made-up";
  return null;
}

/** Whether a make-up's reminder is due on `today` (once: the caller records that it was sent). */
export const makeUpReminderDue = (
  dates: { due: LocalDate; remindOn: LocalDate },
  today: LocalDate,
): boolean => today >= dates.remindOn && today <= dates.due;

// ── the record ──

export interface AttendanceRecord {
  userId: UserId;
  attendance: Attendance | null;
  madeUp: boolean;
  minutes: number;
}

export interface PersonTally {
  expected: number;
  attended: number;
  excused: number;
  absent: number;
  madeUp: number;
  /** Attended or made up: hours of study, in minutes. */
  minutes: number;
}

/** Per person: sessions expected, attended, made up, and study minutes (attended or made up). */
export function tallyAttendance(records: readonly AttendanceRecord[]): Map<UserId, PersonTally> {
  const tallies = new Map<UserId, PersonTally>();
  for (const r of records) {
    const t = tallies.get(r.userId) ?? {
      expected: 0,
      attended: 0,
      excused: 0,
      absent: 0,
      madeUp: 0,
      minutes: 0,
    };
    t.expected += 1;
    if (r.attendance === "present") t.attended += 1;
    if (r.attendance === "excused") t.excused += 1;
    if (r.attendance === "absent") t.absent += 1;
    if (r.madeUp && owesMakeUp(r.attendance)) t.madeUp += 1;
    if (r.attendance === "present" || (r.madeUp && owesMakeUp(r.attendance)))
      t.minutes += r.minutes;
    tallies.set(r.userId, t);
  }
  return tallies;
}

/** Study hours from minutes, to one decimal (90 minutes: 1.5). */
export const studyHours = (minutes: number): number => Math.round(minutes / 6) / 10;

// ── scheduling ──

export type SessionInputError =
  | "topic-empty"
  | "topic-too-long"
  | "in-the-past"
  | "no-one-expected"
  | "bad-material";

export const TOPIC_MAX = 200;
export const MATERIALS_MAX = 10;

export interface Material {
  title: string;
  url: string;
}

/**
 * Materials typed one a line: "a URL" or "title URL" (also "title | URL"). A line that holds no
 * http(s) link is an error naming the line.
 */
export function parseMaterials(
  text: string,
): { ok: true; materials: Material[] } | { ok: false; line: number } {
  const materials: Material[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const match = /(https?:\/\/[^\s<>|]+)/.exec(line);
    const url = match?.[1];
    if (!url || materials.length >= MATERIALS_MAX) return { ok: false, line: index + 1 };
    try {
      new URL(url);
    } catch {
      return { ok: false, line: index + 1 };
    }
    const title = line
      .replace(url, "")
      .replace(/[|｜:：\s]+$/u, "")
      .replace(/^[|｜\s]+/u, "");
    materials.push({ title: title.trim() === "" ? url : title.trim(), url });
  }
  return { ok: true, materials };
}

/** The refusals of a new session that are not about one field's shape. */
export function sessionInputError(input: {
  topic: string;
  startsAt: Date;
  now: Date;
  expected: readonly UserId[];
}): SessionInputError | null {
  const topic = input.topic.trim();
  if (topic === "") return "topic-empty";
  if ([...topic].length > TOPIC_MAX) return "topic-too-long";
  if (input.startsAt.getTime() <= input.now.getTime()) return "in-the-past";
  if (input.expected.length === 0) return "no-one-expected";
  return null;
}

/** The centre group's session of a month, from the org file's day. */
export const centreGroupDate = (month: Period, day: number): LocalDate => dayOfPeriod(month, day);

/** The occurrence key of the org file's centre-group session of a month: "centre-group:2026-12". */
export const centreGroupOccurrence = (month: Period): string => `centre-group:${month}`;

/** The local date the notice of a session on `date` goes out. */
export const noticeDate = (date: LocalDate, noticeDaysBefore: number): LocalDate =>
  addDays(date, -noticeDaysBefore);

// ── youth research projects ──

export type ProjectState = "active" | "submitted" | "returned" | "accepted";

export type ProjectRefusal =
  | "no-lead"
  | "name-empty"
  | "question-empty"
  | "not-member"
  | "not-advisor"
  | "wrong-state"
  | "result-incomplete"
  | "comment-required"
  | "own-project"
  | "no-milestone"
  | "bad-milestone";

export const PROJECT_NAME_MAX = 100;
export const MILESTONES_MAX = 12;

/**
 * Milestones typed one a line: "title" or "title YYYY-MM-DD" / "title 2027年3月31日" (the date
 * last). A line with a
 * date that is not one, or past the twelfth, is an error naming the line.
 */
export function parseMilestones(
  text: string,
):
  | { ok: true; milestones: { title: string; dueDate: string | null }[] }
  | { ok: false; line: number } {
  const milestones: { title: string; dueDate: string | null }[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "") continue;
    if (milestones.length >= MILESTONES_MAX) return { ok: false, line: index + 1 };
    const dated = /^(.*?)[\s,，]*(?:(\d{4}-\d{2}-\d{2})|(\d{4})年(\d{1,2})月(\d{1,2})日)$/u.exec(
      line,
    );
    if (!dated) {
      milestones.push({ title: [...line].slice(0, 200).join(""), dueDate: null });
      continue;
    }
    const [, title = "", iso, y, mo, d] = dated;
    const date = iso ?? `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      return { ok: false, line: index + 1 };
    }
    if (title.trim() === "") return { ok: false, line: index + 1 };
    milestones.push({ title: [...title.trim()].slice(0, 200).join(""), dueDate: date });
  }
  return { ok: true, milestones };
}

/** A new project's input, checked. */
export function projectInputError(input: {
  name: string;
  lead: UserId | null | undefined;
  question: string;
}): ProjectRefusal | null {
  if (input.name.trim() === "" || [...input.name.trim()].length > PROJECT_NAME_MAX) {
    return "name-empty";
  }
  if (!input.lead) return "no-lead";
  if (input.question.trim() === "") return "question-empty";
  return null;
}

/** A result handed in (by the lead or a member) while active or returned. */
export function submitResultRefusal(input: {
  state: ProjectState;
  actor: UserId;
  lead: UserId;
  members: readonly UserId[];
  link: string;
  summary: string;
}): ProjectRefusal | null {
  if (input.actor !== input.lead && !input.members.includes(input.actor)) return "not-member";
  if (input.state !== "active" && input.state !== "returned") return "wrong-state";
  if (!/^https?:\/\/\S+$/.test(input.link.trim()) || input.summary.trim() === "") {
    return "result-incomplete";
  }
  return null;
}

/** The committee's review of a submitted result: accept, or send back with a comment. */
export function reviewRefusal(input: {
  state: ProjectState;
  reviewerIsCommittee: boolean;
  /** The reviewer is the project's lead or one of its members: four eyes, they may not. */
  reviewerInProject?: boolean;
  decision: "accept" | "return";
  comment: string;
}): ProjectRefusal | null {
  if (!input.reviewerIsCommittee) return "not-advisor";
  if (input.reviewerInProject) return "own-project";
  if (input.state !== "submitted") return "wrong-state";
  if (input.decision === "return" && input.comment.trim() === "") return "comment-required";
  return null;
}
