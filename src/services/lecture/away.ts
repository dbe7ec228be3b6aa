/** Away dates: the rotation skips a person on sessions in the range without costing their turn. */
import { audit, createAbsence } from "../../db/repositories/lecture-write.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import type { AwayModalView } from "../../ports/lecture.ts";
import type { Deps } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { loadOrgBasics, type OrgBasics } from "./config.ts";
import { type Result, refuse } from "./result.ts";

export async function openAway(
  deps: Deps,
): Promise<Result<{ view: AwayModalView; org: OrgBasics }>> {
  const org = await loadOrgBasics(deps.db);
  if (!org) return refuse("no-lecture-hall");
  return { ok: true, view: { today: localDateOf(deps.now(), org.timezone) }, org };
}

export async function saveAway(
  deps: Deps,
  r: { userId: string; from: string; to: string; source: string },
): Promise<Result<{ absenceId: number }>> {
  const now = deps.now();
  const absenceId = await inTx(deps.db, async (tx) => {
    const id = await createAbsence(tx, { userId: r.userId, fromDate: r.from, toDate: r.to });
    await audit(tx, {
      actor: r.userId,
      action: "lecture.away",
      entity: "Absence",
      entityId: id,
      data: { from: r.from, to: r.to },
      source: r.source,
      at: now,
    });
    return id;
  });
  return { ok: true, absenceId };
}
