/**
 * Outbox keys of the lecture hall's messages. A first post has a stable key (a re-run enqueues
 * it once); an update is keyed by the change that caused it (the session's version, the audit
 * row), and sent after the post it updates.
 */
export const NOTICE_RESULT_PREFIX = "lecture:notice:";

export const noticeKey = (sessionId: number) => `${NOTICE_RESULT_PREFIX}${sessionId}`;
export const noticeUpdateKey = (sessionId: number, version: number) =>
  `${noticeKey(sessionId)}:v${version}`;

/** The session id of a notice's resultRef, or null. */
export function sessionOfNoticeRef(ref: string): number | null {
  const m = /^lecture:notice:(\d+)$/.exec(ref);
  return m ? Number(m[1]) : null;
}

export const turnDmKey = (turnId: number, moment: string) => `lecture:turn:${turnId}:${moment}`;
export const turnDmUpdateKey = (turnId: number, change: number) =>
  `lecture:turn:${turnId}:update:${change}`;

export const swapRequestKey = (swapId: number) => `lecture:swap:${swapId}:request`;
export const swapAnswerKey = (swapId: number, state: string) => `lecture:swap:${swapId}:${state}`;
export const swapOutcomeKey = (swapId: number) => `lecture:swap:${swapId}:outcome`;

/** Button values and private_metadata carry one numeric id; anything else is refused. */
export function parseId(value: string | undefined | null): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
