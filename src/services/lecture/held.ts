/**
 * After the session: it counts as held unless a committee admin records that it was not
 * (`/pbb lectures not-held <date>`; `held <date>` undoes it). Admins only, audited.
 */
import { isCommitteeAdmin, sessionByDate } from "../../db/repositories/lecture.ts";
import { audit, setSessionStatus } from "../../db/repositories/lecture-write.ts";
import type { Deps } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { type Result, refuse } from "./result.ts";
import { LECTURE_SERIES } from "./series.ts";

export async function recordHeld(
  deps: Deps,
  r: { userId: string; date: string; held: boolean; source: string },
): Promise<Result> {
  const now = deps.now();
  if (!(await isCommitteeAdmin(deps.db, r.userId))) return refuse("not-admin");
  return inTx(deps.db, async (tx): Promise<Result> => {
    const session = await sessionByDate(tx, LECTURE_SERIES, r.date);
    if (!session) return refuse("bad-date");
    if (session.startsAt > now) return refuse("session-not-over");
    const [from, to] = r.held
      ? ([["NOT_HELD"], "HELD"] as const)
      : ([["SCHEDULED", "HELD"], "NOT_HELD"] as const);
    if (!(await setSessionStatus(tx, session.id, from, to))) return { ok: true };
    await audit(tx, {
      actor: r.userId,
      action: r.held ? "lecture.held" : "lecture.not-held",
      entity: "LectureSession",
      entityId: session.id,
      data: { date: r.date },
      source: r.source,
      at: now,
    });
    return { ok: true };
  });
}
