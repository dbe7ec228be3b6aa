/** Stores where the annual plans' posts went (the branch's reminder, the committee message). */
import {
  storePlanCommitteeTs,
  storePlanReminderTs,
} from "../../db/repositories/annual-plan-write.ts";
import type { ResultHandlers } from "../outbox/index.ts";
import { parsePlanResultRef, RESULT_PREFIX } from "./keys.ts";

export const annualPlanResultHandlers: ResultHandlers = {
  [RESULT_PREFIX]: async (tx, ref, { channel, ts }) => {
    const parsed = parsePlanResultRef(ref);
    if (!parsed) return;
    if (parsed.kind === "reminder")
      await storePlanReminderTs(tx, { branchId: parsed.branchId, year: parsed.year, channel, ts });
    else
      await storePlanCommitteeTs(tx, {
        planId: parsed.planId,
        revision: parsed.revision,
        channel,
        ts,
      });
  },
};
