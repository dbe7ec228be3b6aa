/**
 * The responsibility lists on the App Home, in one query: a committee member's items (their own
 * and the committee's) counted by standing, with the button to update them; a system admin's
 * overview of everyone's (counts per list, overdue items first).
 */

import { loadDuties } from "../../db/repositories/responsibility.ts";
import { localDateOf } from "../../domain/period.ts";
import { COMMITTEE_OWNER } from "../../domain/responsibility.ts";
import type { DutyHomeView } from "../../ports/responsibilities.ts";
import type { Tx } from "../kit/tx.ts";
import { dutyView, overviewOf } from "./duties.ts";

export async function loadDutyHome(
  db: Tx,
  viewer: { userId: string; committee: boolean; admin: boolean },
  now: Date,
  tz: string,
): Promise<DutyHomeView | null> {
  if (!viewer.committee && !viewer.admin) return null;
  const today = localDateOf(now, tz);
  const year = Number(today.slice(0, 4));
  const all = await loadDuties(db, year);
  if (all.length === 0) return null;
  const own = all
    .filter((d) => d.owner === viewer.userId || d.owner === COMMITTEE_OWNER)
    .map((d) => dutyView(d, today));
  const count = (s: string) => own.filter((d) => d.standing === s).length;
  return {
    year,
    mine:
      own.length > 0
        ? { done: count("done"), inProgress: count("in-progress"), overdue: count("overdue") }
        : null,
    overview: viewer.admin ? overviewOf(all, year, today) : null,
  };
}
