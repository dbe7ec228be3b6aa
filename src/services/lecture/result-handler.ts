/** Stores where a session's channel notice was posted, so later changes update it in place. */
import { storeNoticeTs } from "../../db/repositories/lecture-write.ts";
import { registerResultHandler } from "../outbox/index.ts";
import { NOTICE_RESULT_PREFIX, sessionOfNoticeRef } from "./keys.ts";

/** Idempotent: the bot and `pbb jobs run` (which may deliver itself) both call it. */
export function registerLectureResultHandler(): void {
  registerResultHandler(NOTICE_RESULT_PREFIX, async (tx, ref, { channel, ts }) => {
    const sessionId = sessionOfNoticeRef(ref);
    if (sessionId !== null) await storeNoticeTs(tx, sessionId, channel, ts);
  });
}
