/** Submit topic: the speaker's modal, then the topic stored and shown on the notice and DM. */
import { setTurnTopic, touchSession } from "../../db/repositories/lecture-write.ts";
import type { LecturePresenting, TopicModalView } from "../../ports/lecture.ts";
import type { Deps } from "../kit/result.ts";
import { auditTurn, speakersChange, speakersTurnNow } from "./guard.ts";
import { refreshNotice, refreshTurnDm, sessionInfo } from "./messages.ts";
import type { Result } from "./result.ts";
import type { LectureEnv } from "./series.ts";

export async function openTopic(
  deps: Deps & LecturePresenting,
  r: { turnId: number; userId: string },
): Promise<Result<{ view: TopicModalView; env: LectureEnv }>> {
  const guard = await speakersTurnNow(deps, r);
  if (!guard.ok) return guard;
  const view = {
    ...sessionInfo(guard.env, guard.session),
    turnId: r.turnId,
    topic: guard.turn.topic,
  };
  return { ok: true, view, env: guard.env };
}

export async function submitTopic(
  deps: Deps & LecturePresenting,
  r: { turnId: number; userId: string; topic: string; source: string },
): Promise<Result> {
  return speakersChange(deps, r, async (tx, c) => {
    const { env, turn, session } = c;
    if (turn.topic === r.topic) return { ok: true };
    await setTurnTopic(tx, r.turnId, r.topic);
    const change = await auditTurn(tx, c, r, "lecture.topic", { from: turn.topic, to: r.topic });
    await touchSession(tx, session.id);
    await refreshNotice(tx, env, session.id);
    await refreshTurnDm(tx, env, r.turnId, change);
    return { ok: true };
  });
}
