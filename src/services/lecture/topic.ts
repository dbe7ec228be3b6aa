/** Submit topic: the speaker's modal, then the topic stored and shown on the notice and DM. */
import { audit, setTurnTopic, touchSession } from "../../db/repositories/lecture-write.ts";
import type { LecturePresenting, TopicModalView } from "../../ports/lecture.ts";
import type { Deps } from "../kit/result.ts";
import { inTxRetrying } from "../kit/tx.ts";
import { lectureEnvOrRefuse, speakersTurn } from "./guard.ts";
import { refreshNotice, refreshTurnDm, sessionInfo } from "./messages.ts";
import type { Result } from "./result.ts";
import type { LectureEnv } from "./series.ts";

export async function openTopic(
  deps: Deps & LecturePresenting,
  r: { turnId: number; userId: string },
): Promise<Result<{ view: TopicModalView; env: LectureEnv }>> {
  const loaded = await lectureEnvOrRefuse(deps);
  if (!loaded.ok) return loaded;
  const guard = await speakersTurn(deps.db, r.turnId, r.userId, deps.now());
  if (!guard.ok) return guard;
  const view = {
    ...sessionInfo(loaded.env, guard.session),
    turnId: r.turnId,
    topic: guard.turn.topic,
  };
  return { ok: true, view, env: loaded.env };
}

export async function submitTopic(
  deps: Deps & LecturePresenting,
  r: { turnId: number; userId: string; topic: string; source: string },
): Promise<Result> {
  const loaded = await lectureEnvOrRefuse(deps);
  if (!loaded.ok) return loaded;
  const { env } = loaded;
  const now = deps.now();
  return inTxRetrying(deps.db, async (tx) => {
    const guard = await speakersTurn(tx, r.turnId, r.userId, now);
    if (!guard.ok) return guard;
    if (guard.turn.topic === r.topic) return { ok: true };
    await setTurnTopic(tx, r.turnId, r.topic);
    const change = await audit(tx, {
      actor: r.userId,
      action: "lecture.topic",
      entity: "LectureTurn",
      entityId: r.turnId,
      data: { from: guard.turn.topic, to: r.topic },
      source: r.source,
      at: now,
    });
    await touchSession(tx, guard.session.id);
    await refreshNotice(tx, env, guard.session.id);
    await refreshTurnDm(tx, env, r.turnId, change);
    return { ok: true };
  });
}
