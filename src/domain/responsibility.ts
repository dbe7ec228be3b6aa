/**
 * The leadership's responsibility lists (issue 19): the committee's own list for governing the
 * party strictly and each committee member's "one post, two responsibilities" list. An item is a
 * duty with a target period within the list's year and the measurable result expected; it is
 * tracked like a plan item (`annual-plan.ts`: `standingOf`, `inQuarter`, `checkReschedule`).
 * Pure: time is an argument.
 */
import { parseTarget, targetCode } from "./annual-plan.ts";

/** The owner of the committee's own list (a member's list is owned by their user id). */
export const COMMITTEE_OWNER = "committee";

export type DutyTargetError = "invalid" | "outsideYear";

/**
 * A target as an org file writes it: "q2" / "m3" (any case), or with the year, "2027-Q2" /
 * "2027-03", which must be the list's year. Returns the stored code ("q2" / "m3").
 */
export function parseDutyTarget(
  text: string,
  year: number,
): { ok: true; code: string } | { ok: false; error: DutyTargetError } {
  const s = text.trim().toLowerCase();
  const withYear = /^(\d{4})-(?:q([1-4])|(\d{2}))$/.exec(s);
  if (withYear) {
    if (Number(withYear[1]) !== year) return { ok: false, error: "outsideYear" };
    const month = withYear[3] === undefined ? undefined : Number(withYear[3]);
    if (month !== undefined && (month < 1 || month > 12)) return { ok: false, error: "invalid" };
    const target = month === undefined ? { quarter: Number(withYear[2]) } : { month };
    return { ok: true, code: targetCode(target) };
  }
  const short = /^([mq])(\d{1,2})$/.exec(s);
  if (!short) return { ok: false, error: "invalid" };
  const target = parseTarget(s);
  // "m13", "q5": a period past the year's end.
  return target ? { ok: true, code: targetCode(target) } : { ok: false, error: "outsideYear" };
}

export interface DutyMarker {
  userId: string;
  /** Committee members and admins. */
  isCommitteeMember: boolean;
}

/**
 * Who may mark an item: a member's item only its owner; the committee's items any committee
 * member (no four eyes: marking is reporting, not deciding).
 */
export function mayMarkDuty(owner: string, actor: DutyMarker): boolean {
  if (owner === COMMITTEE_OWNER) return actor.isCommitteeMember;
  return owner === actor.userId;
}
