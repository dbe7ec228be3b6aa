/**
 * The outbox identities of the round-trip's messages. A post's dedupeKey is also its resultRef,
 * so the posted ts lands on the list, and an update names the post it needs (`after`).
 */
const base = (listId: number) => `tasklist:${listId}`;

export const tasklistKeys = {
  reminder: (listId: number) => `${base(listId)}:reminder`,
  committee: (listId: number, revision: number) => `${base(listId)}:committee:r${revision}`,
  plan: (listId: number) => `${base(listId)}:plan`,
  returned: (listId: number, revision: number) => `${base(listId)}:returned:r${revision}`,
  dm: (listId: number, revision: number, user: string) => `${base(listId)}:dm:r${revision}:${user}`,
  followUp: (listId: number, index: number) => `${base(listId)}:followup:${index}`,
  /** An update of the message posted under `postKey`; `tag` makes each change's update unique. */
  update: (postKey: string, tag: string) => `${postKey}:${tag}`,
  overdue: (period: string) => `tasklist:overdue:${period}`,
  approvalWaiting: (date: string) => `tasklist:approval-waiting:${date}`,
  summary: (period: string) => `tasklist:summary:${period}`,
};

export const RESULT_PREFIX = "tasklist:";

export type ResultRef =
  | { kind: "reminder"; listId: number }
  | { kind: "committee"; listId: number; revision: number }
  | { kind: "plan"; listId: number };

const REF = /^tasklist:(\d+):(reminder|plan|committee:r(\d+))$/;

export function parseResultRef(ref: string): ResultRef | null {
  const m = REF.exec(ref);
  if (!m) return null;
  const listId = Number(m[1]);
  if (m[2] === "reminder") return { kind: "reminder", listId };
  if (m[2] === "plan") return { kind: "plan", listId };
  return { kind: "committee", listId, revision: Number(m[3]) };
}
