/**
 * Materialising sessions ("ensure"): the first job that needs a session creates it and assigns
 * its speakers. Speakers are assigned in session order: an earlier session still to come that
 * has no row yet is assigned first. Nothing waits for an earlier session to be recorded as
 * held. Sessions already past that were never materialised stay so (nobody was told to speak).
 */

import type { Database } from "../../db/client.ts";
import {
  absentOn,
  lastSessionDateBefore,
  maxSeq,
  rotationRow,
  type SessionRecord,
  sessionByDate,
  type Tx,
} from "../../db/repositories/lecture.ts";
import {
  audit,
  createSession,
  createTurn,
  saveRotation,
} from "../../db/repositories/lecture-write.ts";
import { addDays } from "../../domain/calendar.ts";
import { assign, parseRotationState } from "../../domain/rotation.ts";
import { Conflict, inTxRetrying } from "../kit/tx.ts";
import type { Result } from "./result.ts";
import { type PlannedSession, rosterOf, type SeriesSpec } from "./series.ts";

export interface Assigned {
  session: SessionRecord;
  /** Sessions created by this call (the gap first, the one asked for last). */
  created: SessionRecord[];
}

/** The session on `target.date`, created with its speakers when it does not exist yet. */
export async function ensureSession(
  db: Database,
  spec: SeriesSpec,
  target: PlannedSession,
  at: Date,
  source: string,
): Promise<Result<Assigned>> {
  return inTxRetrying(db, async (tx) => {
    const existing = await sessionByDate(tx, spec.series, target.date);
    if (existing) return { ok: true, session: existing, created: [] };
    const last = await lastSessionDateBefore(tx, spec.series, target.date);
    const gap = last
      ? spec.sessionsIn(addDays(last, 1), addDays(target.date, -1)).filter((s) => s.startsAt > at)
      : [];
    const created = await assignInOrder(tx, spec, [...gap, target], at, source);
    const session = created[created.length - 1];
    if (!session) throw new Error(`no session created for ${spec.series} ${target.date}`);
    return { ok: true, session, created };
  });
}

async function assignInOrder(
  tx: Tx,
  spec: SeriesSpec,
  planned: readonly PlannedSession[],
  at: Date,
  source: string,
): Promise<SessionRecord[]> {
  const row = await rotationRow(tx, spec.series);
  const roster = rosterOf(spec, row);
  let state = parseRotationState(row?.state, roster);
  let seq = await maxSeq(tx, spec.series);
  const created: SessionRecord[] = [];
  for (const p of planned) {
    const absent = await absentOn(tx, roster, p.date);
    const result = assign(state, { date: p.date, roster, slots: spec.slots, absent });
    state = result.state;
    seq += 1;
    const sessionId = await createSession(tx, {
      series: spec.series,
      seq,
      date: p.date,
      startsAt: p.startsAt,
    });
    for (const [slot, userId] of result.speakers.entries()) {
      await createTurn(tx, { sessionId, slot, userId });
    }
    await audit(tx, {
      actor: "rotation",
      action: "lecture.assign",
      entity: "LectureSession",
      entityId: sessionId,
      data: { series: spec.series, date: p.date, seq, explanation: result.explanation },
      source,
      at,
    });
    const session = await sessionByDate(tx, spec.series, p.date);
    if (session) created.push(session);
  }
  if (!(await saveRotation(tx, spec.series, state, row ? row.version : null))) throw new Conflict();
  return created;
}
