/**
 * What the lecture hall's use cases hand to its presenter (src/slack/views/lecture/): the view
 * models, plain data the services assemble, and the presenter they are given to render the
 * messages they write in the transaction of their change (`LecturePresenting`).
 */
import type { KnownBlock } from "@slack/types";
import type { Database } from "../db/client.ts";
import type { LocalDate } from "../domain/calendar.ts";
import type { SkipReason } from "../domain/lecture-schedule.ts";
import type { TurnPick } from "../domain/rotation.ts";
import type { Translator } from "../i18n/index.ts";

export interface LectureMessage {
  /** The plain-text fallback (notifications, screen readers). */
  text: string;
  blocks: KnownBlock[];
}

/** Where and when a session takes place. */
export interface SessionInfo {
  date: LocalDate;
  startsAt: Date;
  /** The org's zone: every time is shown as its wall clock. */
  timezone: string;
  place?: string | null;
  /** The session's number in the series, when known ("第23期"). */
  seq?: number | null;
}

export interface SpeakerSlot {
  userId: string;
  topic?: string | null;
}

/** The channel notice; the same model after a swap, with `updated`. */
export interface NoticeView extends SessionInfo {
  speakers: SpeakerSlot[];
  state: "scheduled" | "updated" | "cancelled";
}

export type TurnState = "assigned" | "confirmed" | "swap-pending" | "swapped-out" | "dropped";

/** The speaker's DM: a week ahead, the day before, or when first assigned. */
export interface SpeakerDmView extends SessionInfo {
  turnId: number | string;
  moment: "assigned" | "week-ahead" | "day-before";
  state: TurnState;
  topic?: string | null;
  /** The session's other speakers. */
  coSpeakers: string[];
  /** swap-pending / swapped-out: the colleague; dropped: who took the slot, if anyone. */
  other?: string | null;
  /** The session has started: the message says so and offers no buttons. */
  over?: boolean;
}

export interface TopicModalView extends SessionInfo {
  turnId: number | string;
  topic?: string | null;
}

export interface SwapCandidate {
  userId: string;
  /** Display name (plain text cannot render a mention). */
  name: string;
  /** The date of their own assigned turn, if they have one. */
  turnDate?: LocalDate | null;
}

export interface SwapModalView extends SessionInfo {
  turnId: number | string;
  candidates: SwapCandidate[];
}

/** The colleague's DM, one surface for every state of the request. */
export interface SwapRequestView extends SessionInfo {
  swapId: number | string;
  requester: string;
  /** The colleague's own turn the requester would take, if any. */
  theirTurnDate?: LocalDate | null;
  expiresAt: Date;
  state: "pending" | "accepted" | "declined" | "expired";
}

/** The requester's DM once the colleague answered or the request expired. */
export interface SwapOutcomeView extends SessionInfo {
  colleague: string;
  outcome: "accepted" | "declined" | "expired";
  /** Accepted: the requester's new date (the colleague's former turn), if any. */
  newDate?: LocalDate | null;
}

export interface AwayModalView {
  /** Today in the org's zone: the pickers start there. */
  today: LocalDate;
  from?: LocalDate | null;
  to?: LocalDate | null;
}

export interface UpcomingSession {
  date: LocalDate;
  plannedDate?: LocalDate;
  movedFrom?: LocalDate;
  skippedReason?: SkipReason;
  /** Empty while not yet assigned. */
  speakers: string[];
}

export interface LecturesSummaryView {
  timezone: string;
  upcoming: UpcomingSession[];
  /** The coming order after the assigned sessions, with reasons (from `explainNext`). */
  order?: TurnPick[];
  history: {
    sessionsHeld: number;
    distinctSpeakers: number;
    turns: { userId: string; count: number }[];
  };
}

export interface ClassRepView {
  turnId: number | string;
  branchName: string;
  cadence: "weekly" | "monthly";
  /** Weekly: the week's first day; monthly: any day of the month. */
  date: LocalDate;
  state: "assigned" | "confirmed" | "dropped";
}

/** Valid, or the modal's field errors (block id → message). */
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** The lecture hall's messages, and how a modal's bad pick is told (each in the org's language). */
export interface LecturePresenter {
  notice(v: NoticeView, t: Translator): LectureMessage;
  speakerDm(v: SpeakerDmView, t: Translator): LectureMessage;
  classRepDm(v: ClassRepView, t: Translator): LectureMessage;
  swapRequestDm(v: SwapRequestView, t: Translator): LectureMessage;
  swapOutcomeDm(v: SwapOutcomeView, t: Translator): LectureMessage;
  /** The colleague picked in the swap modal must be one of the candidates offered. */
  swapPick(
    picked: string | null | undefined,
    requester: string,
    candidates: readonly SwapCandidate[],
    t: Translator,
  ): Validation<SwapCandidate>;
}

/** What a lecture use case that writes messages is given. */
export interface LecturePresenting {
  presenters: { lecture: LecturePresenter };
}

/** What a lecture job's use case is given. */
export interface LectureJobDeps extends LecturePresenting {
  db: Database;
}
