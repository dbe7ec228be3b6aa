/** Stores where the round-trip's posts went (reminder, committee message, plan) on the list. */
import { storeCommitteeTs, storePlanTs, storeReminderTs } from "../../db/repositories/tasklist.ts";
import type { ResultHandlers } from "../outbox/index.ts";
import { parseResultRef, RESULT_PREFIX } from "./keys.ts";

/** The bot and `pbb jobs run` (which may deliver itself) both use it. */
export const tasklistResultHandlers: ResultHandlers = {
  [RESULT_PREFIX]: async (tx, ref, { channel, ts }) => {
    const parsed = parseResultRef(ref);
    if (!parsed) return;
    if (parsed.kind === "reminder") await storeReminderTs(tx, parsed.listId, channel, ts);
    else if (parsed.kind === "plan") await storePlanTs(tx, parsed.listId, ts);
    else await storeCommitteeTs(tx, parsed.listId, parsed.revision, channel, ts);
  },
};
