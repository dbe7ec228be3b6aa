/**
 * Outbox keys of the study messages: a first post has a stable key (a re-run enqueues it once);
 * an update is keyed by the session's version and goes after the post it updates.
 */
export const noticeKey = (sessionId: number) => `study:${sessionId}:notice`;
export const noticeUpdateKey = (sessionId: number, version: number) =>
  `study:${sessionId}:notice:v${version}`;
export const inviteKey = (sessionId: number, userId: string) =>
  `study:${sessionId}:invite:${userId}`;
export const inviteUpdateKey = (sessionId: number, userId: string, version: number) =>
  `${inviteKey(sessionId, userId)}:v${version}`;
export const drawKey = (sessionId: number, seq: number) => `study:${sessionId}:draw:${seq}`;
export const drawUpdateKey = (sessionId: number, seq: number) =>
  `${drawKey(sessionId, seq)}:decided`;
export const makeUpKey = (sessionId: number, userId: string) =>
  `study:${sessionId}:makeup:${userId}`;
export const makeUpReminderKey = (sessionId: number, userId: string) =>
  `${makeUpKey(sessionId, userId)}:reminder`;
export const makeUpDoneKey = (sessionId: number, userId: string) =>
  `${makeUpKey(sessionId, userId)}:done`;

export { parseId } from "../lecture/keys.ts";
