/**
 * The quarter's one friendly nudge: each member of a branch with no service report in the
 * quarter and no nudge for it yet gets a DM. The delivery's dedupe key (quarter + member) is the
 * record of the nudge, so a second run, or a second firing of the quarter, sends nothing more.
 */
import {
  branchMembers,
  nudgedInQuarter,
  reportersInQuarter,
} from "../../db/repositories/service-list.ts";
import { nudgeTargets } from "../../domain/service-list.ts";
import type { ServiceListPresenter } from "../../ports/service-list.ts";
import type { Deps } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { loadServiceEnv } from "./env.ts";

const nudgeKey = (quarter: string, userId: string) => `service-nudge:${quarter}:${userId}`;

export async function nudgeQuarter(
  deps: Deps,
  present: Pick<ServiceListPresenter, "nudgeDm">,
  quarter: string,
): Promise<{ nudged: string[] }> {
  const env = await loadServiceEnv(deps);
  if (!env) return { nudged: [] };
  return inTx(deps.db, async (tx) => {
    const members = (await branchMembers(tx)).flatMap((b) => b.members);
    const reported = await reportersInQuarter(tx, quarter);
    const already = await nudgedInQuarter(tx, quarter);
    const targets = nudgeTargets(members, reported, already);
    const message = present.nudgeDm({ quarter }, env.t);
    for (const userId of targets) {
      await enqueueDelivery(tx, {
        dedupeKey: nudgeKey(quarter, userId),
        method: "dm",
        payload: { user: userId, ...message },
      });
    }
    return { nudged: targets };
  });
}
