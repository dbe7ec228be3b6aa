/**
 * The outbox identities of the annual plans' messages. A post's dedupeKey is also its
 * resultRef, so the posted ts lands on the plan(s); an update names the post it needs.
 */
export const RESULT_PREFIX = "annual-plan:";

export const planKeys = {
  /** A branch's request for the year's four plans, in its channel. */
  reminder: (branchId: number, year: number) => `annual-plan:reminder:${branchId}:${year}`,
  committee: (planId: number, revision: number) => `annual-plan:${planId}:committee:r${revision}`,
  returned: (planId: number, revision: number) => `annual-plan:${planId}:returned:r${revision}`,
  approved: (planId: number, revision: number) => `annual-plan:${planId}:approved:r${revision}`,
  dm: (planId: number, revision: number, user: string) =>
    `annual-plan:${planId}:dm:r${revision}:${user}`,
  /** A branch's quarter tracking ("2027-Q1"), its follow-up, a page of the committee's table. */
  quarter: (branchId: number, quarter: string) => `annual-plan:quarter:${quarter}:${branchId}`,
  quarterFollowUp: (branchId: number, quarter: string) =>
    `annual-plan:quarter:${quarter}:${branchId}:follow-up`,
  quarterCommittee: (quarter: string, page: number) =>
    `annual-plan:quarter:${quarter}:committee:p${page}`,
  /** An update of the message posted under `postKey`; `tag` makes each change's update unique. */
  update: (postKey: string, tag: string) => `${postKey}:${tag}`,
};

export type PlanResultRef =
  | { kind: "reminder"; branchId: number; year: number }
  | { kind: "committee"; planId: number; revision: number };

const REMINDER = /^annual-plan:reminder:(\d+):(\d{4})$/;
const COMMITTEE = /^annual-plan:(\d+):committee:r(\d+)$/;

export function parsePlanResultRef(ref: string): PlanResultRef | null {
  const r = REMINDER.exec(ref);
  if (r) return { kind: "reminder", branchId: Number(r[1]), year: Number(r[2]) };
  const c = COMMITTEE.exec(ref);
  if (c) return { kind: "committee", planId: Number(c[1]), revision: Number(c[2]) };
  return null;
}
