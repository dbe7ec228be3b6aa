/** Normalized study's reasons for refusing a request; each has a catalog message `study.error.<code>`. */
import type { ProjectRefusal } from "../../domain/study.ts";
import { type Outcome, refusals } from "../kit/result.ts";

export type StudyError =
  | "not-found"
  | "no-org"
  /** Only a system admin or a branch secretary schedules; a secretary only their branch's study. */
  | "not-organiser"
  | "not-chair"
  | "not-expected"
  | "topic-empty"
  | "topic-too-long"
  | "in-the-past"
  | "no-one-expected"
  | "bad-material"
  | "bad-date"
  | "no-branch"
  | "session-started"
  | "session-not-started"
  | "not-centre-group"
  | "draw-pending"
  | "nobody-present"
  | "nobody-due"
  | "draw-decided"
  | "reason-empty"
  | "not-recorded"
  | "was-present"
  | "already-made-up"
  | "note-empty"
  /** A research project refused (four eyes: a lead or member does not review its result). */
  | ProjectRefusal
  | "busy";

export type Result<T extends object = object> = Outcome<T, StudyError>;

export const { refuse, errorKey } = refusals<StudyError>()("study");
