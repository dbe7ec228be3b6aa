/**
 * The responsibility lists' part of the quarter check (issue 19): once a quarter is over, each
 * committee member gets a DM with their items and the committee's targeted in it — done, in
 * progress, overdue — and the button to mark them, which asks an overdue item's reason and new
 * target. Once per (year, quarter, person): a repeated run sends nothing. A step the
 * `quarter-tracking` job calls with its occurrence (`responsibilityCheck`).
 */

import {
  claimResponsibilityCheck,
  loadCommitteeIds,
  loadDuties,
} from "../../db/repositories/responsibility.ts";
import { inQuarter, parseTarget } from "../../domain/annual-plan.ts";
import { localDateOf } from "../../domain/period.ts";
import { COMMITTEE_OWNER } from "../../domain/responsibility.ts";
import type { DutyCheckPresenter } from "../../ports/responsibilities.ts";
import type { Deps } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { enqueueDelivery } from "../outbox/enqueue.ts";
import { dutyView, loadDutyEnv } from "./duties.ts";

export const dutyCheckKey = (year: number, quarter: number, userId: string) =>
  `duty-check:${year}-Q${quarter}:${userId}`;

/**
 * Sends the quarter's check to every committee member with items in it, as of `at` (the
 * tracking's fire time: the quarter is over, so what is not done is overdue). Returns who was
 * sent it this time.
 */
export async function responsibilityCheck(
  deps: Deps & { presenter: DutyCheckPresenter },
  occurrence: { year: number; quarter: number; at: Date },
): Promise<{ sent: string[] }> {
  const env = await loadDutyEnv(deps);
  if (!env) return { sent: [] };
  const { year, quarter } = occurrence;
  const today = localDateOf(occurrence.at, env.timezone);
  const duties = inQuarter(
    (await loadDuties(deps.db, year)).flatMap((d) => {
      const target = parseTarget(d.target);
      return target ? [{ ...d, target, code: d.target }] : [];
    }),
    quarter,
  ).map((d) => dutyView({ ...d, target: d.code }, today));
  const { members, admins } = await loadCommitteeIds(deps.db);
  const people = [...new Set([...members, ...admins])];
  const sent: string[] = [];
  await inTx(deps.db, async (tx) => {
    for (const userId of people) {
      const items = duties.filter((d) => d.owner === userId || d.owner === COMMITTEE_OWNER);
      if (items.length === 0) continue;
      if (!(await claimResponsibilityCheck(tx, { year, quarter, userId }))) continue;
      const count = (s: string) => items.filter((d) => d.standing === s).length;
      const message = deps.presenter.checkDm(
        {
          year,
          quarter,
          items,
          done: count("done"),
          inProgress: count("in-progress"),
          overdue: count("overdue"),
        },
        env.t,
      );
      await enqueueDelivery(tx, {
        dedupeKey: dutyCheckKey(year, quarter, userId),
        method: "dm",
        payload: { user: userId, text: message.text, blocks: [...message.blocks] },
      });
      sent.push(userId);
    }
  });
  return { sent };
}
