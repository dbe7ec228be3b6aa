/** The lecture hall's reasons for refusing a request; the outcome type and helpers are the kit's. */
import { type Outcome, refusals } from "../kit/result.ts";

/** Why a request was refused; each has a catalog message `lecture.error.<code>`. */
export type LectureError =
  /** The turn, session or request does not exist (or an id was forged). */
  | "not-found"
  | "no-lecture-hall"
  /** Someone other than the turn's speaker pressed the speaker's buttons. */
  | "not-your-turn"
  /** The turn was swapped or dropped meanwhile. */
  | "turn-closed"
  | "session-started"
  | "swap-pending"
  /** Someone other than the asked colleague answered a swap request. */
  | "not-the-colleague"
  | "swap-closed"
  | "swap-expired"
  /** The exchange is no longer possible (a turn changed meanwhile). */
  | "swap-unavailable"
  | "not-admin"
  /** Calendar links are for the lecture roster and the committee. */
  | "not-on-roster"
  | "session-not-over"
  | "bad-date"
  /** Others kept changing the rotation at the same moment; nothing was changed. */
  | "busy";

export type Result<T extends object = object> = Outcome<T, LectureError>;

export const { refuse, errorKey } = refusals<LectureError>()("lecture");
