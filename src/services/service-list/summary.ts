/** `/pbb service`: the member's registration and own reports this year; a secretary's branch list. */
import { branchKeysOf, registrationOf, reportsOfUser } from "../../db/repositories/service-list.ts";
import { loadActor } from "../../db/repositories/tasklist.ts";
import { quarterOfDate } from "../../domain/service-list.ts";
import type { MyServiceView } from "../../ports/service-list.ts";
import type { Deps, Outcome } from "../kit/result.ts";
import { refuse } from "../kit/result.ts";
import { loadServiceEnv, type ServiceEnv, type ServiceError } from "./env.ts";
import { reportView } from "./query.ts";

export async function myService(
  deps: Deps,
  userId: string,
): Promise<Outcome<{ view: MyServiceView; env: ServiceEnv }, ServiceError>> {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org");
  const member = (await branchKeysOf(deps.db.prisma, userId)).length > 0;
  const actor = await loadActor(deps.db, userId);
  const year = Number(env.today.slice(0, 4));
  const quarter = quarterOfDate(env.today);
  const mine = await reportsOfUser(deps.db.prisma, userId, year);
  const inQuarter = mine.filter((r) => r.quarter === quarter);
  const sum = (rows: typeof mine) => rows.reduce((s, r) => s + r.centiHours, 0) / 100;
  return {
    ok: true,
    env,
    view: {
      member,
      community: (await registrationOf(deps.db.prisma, userId))?.community ?? null,
      quarter,
      quarterHours: sum(inQuarter),
      quarterReports: inQuarter.length,
      yearHours: sum(mine),
      recent: mine.slice(0, 10).map(reportView),
      seesBranches: actor.committeeMember || actor.secretaryOf.length > 0,
    },
  };
}
