/** Stores where a session's channel notice was posted, so later changes update it in place. */
import { storeNoticeTs } from "../../db/repositories/lecture-write.ts";
import type { ResultHandlers } from "../outbox/index.ts";
import { NOTICE_RESULT_PREFIX, sessionOfNoticeRef } from "./keys.ts";

/** The bot and `pbb jobs run` (which may deliver itself) both use it. */
export const lectureResultHandlers: ResultHandlers = {
  [NOTICE_RESULT_PREFIX]: async (tx, ref, { channel, ts }) => {
    const sessionId = sessionOfNoticeRef(ref);
    if (sessionId !== null) await storeNoticeTs(tx, sessionId, channel, ts);
  },
};
