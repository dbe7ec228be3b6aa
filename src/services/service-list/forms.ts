/**
 * What the registration and report modals start from: the member's registered community, the
 * communities a report may name, today. Only a member of a branch gets them.
 */
import { branchKeysOf, registrationOf } from "../../db/repositories/service-list.ts";
import { SERVICE_CATEGORIES } from "../../domain/service-list.ts";
import type { RegisterForm, ReportForm } from "../../ports/service-list.ts";
import type { Deps, Outcome } from "../kit/result.ts";
import { refuse } from "../kit/result.ts";
import { loadServiceEnv, type ServiceEnv } from "./env.ts";
import { knownCommunities } from "./register.ts";

type Opened<F> = Outcome<{ form: F; env: ServiceEnv }, "no-org" | "not-member">;

async function memberEnv(deps: Deps, userId: string) {
  const env = await loadServiceEnv(deps);
  if (!env) return refuse("no-org");
  const branches = await branchKeysOf(deps.db.prisma, userId);
  if (branches.length === 0) return refuse("not-member");
  const registration = await registrationOf(deps.db.prisma, userId);
  return { ok: true as const, env, branches, community: registration?.community ?? null };
}

export async function openRegister(deps: Deps, userId: string): Promise<Opened<RegisterForm>> {
  const m = await memberEnv(deps, userId);
  if (!m.ok) return m;
  return { ok: true, env: m.env, form: { current: m.community } };
}

export async function openReport(deps: Deps, userId: string): Promise<Opened<ReportForm>> {
  const m = await memberEnv(deps, userId);
  if (!m.ok) return m;
  const own = m.branches.flatMap((k) => m.env.org.settings.serviceList?.communities[k] ?? []);
  const all = knownCommunities(m.env.org.settings, m.community);
  const communities = [...new Set([...(m.community ? [m.community] : []), ...own, ...all])];
  return {
    ok: true,
    env: m.env,
    form: { today: m.env.today, communities, categories: SERVICE_CATEGORIES },
  };
}
