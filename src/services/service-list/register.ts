/**
 * "Double registration, double reporting": a member registers their residential community
 * (changeable), and reports service done there. A report is checked by the domain's rules,
 * stored with its quarter, and acknowledged in a DM through the outbox, in one transaction:
 * a refused report stores nothing.
 */
import type { Database } from "../../db/client.ts";
import type { OrgRecord } from "../../db/repositories/org.ts";
import {
  branchKeysOf,
  centiHoursOn,
  insertServiceReport,
  registrationOf,
  upsertRegistration,
} from "../../db/repositories/service-list.ts";
import { localDateOf } from "../../domain/period.ts";
import {
  parseHours,
  quarterOfDate,
  type ServiceReportDraft,
  type ServiceReportProblem,
  serviceReportProblems,
} from "../../domain/service-list.ts";
import { translator } from "../../i18n/index.ts";
import type { ServiceListPresenter } from "../../ports/service-list.ts";
import { type Outcome, refuse } from "../kit/result.ts";
import { inTxRetrying } from "../kit/tx.ts";
import { enqueueDelivery } from "../outbox/index.ts";

export interface ServiceDeps {
  db: Database;
  now: () => Date;
  org: Pick<OrgRecord, "timezone" | "locale" | "settings">;
}

const MAX_COMMUNITY = 100;

/** Registers (or changes) the member's residential community. */
export async function registerCommunity(
  deps: ServiceDeps,
  userId: string,
  community: string,
): Promise<Outcome<{ community: string }, "not-member" | "community-required" | "busy">> {
  const name = community.trim().replace(/\s+/g, " ");
  if (name.length === 0 || name.length > MAX_COMMUNITY) return refuse("community-required");
  return inTxRetrying(deps.db, async (tx) => {
    if ((await branchKeysOf(tx, userId)).length === 0) return refuse("not-member");
    await upsertRegistration(tx, userId, name);
    return { ok: true as const, community: name };
  });
}

/** The communities a member's report may name: their own and the branches' joint-construction ones. */
export function knownCommunities(
  settings: OrgRecord["settings"],
  registered: string | null,
): string[] {
  const branches = Object.values(settings.serviceList?.communities ?? {});
  return [...new Set([...(registered ? [registered] : []), ...branches])];
}

export type ReportOutcome =
  | { ok: true; reportId: number; quarter: string }
  | { ok: false; error: "not-member" | "busy" }
  | { ok: false; error: "invalid"; problems: ServiceReportProblem[] };

/** Stores a member's service report and acknowledges it in a DM, or says what is wrong. */
export async function submitServiceReport(
  deps: ServiceDeps,
  present: Pick<ServiceListPresenter, "reportAck">,
  userId: string,
  draft: ServiceReportDraft,
): Promise<ReportOutcome> {
  const today = localDateOf(deps.now(), deps.org.timezone);
  return inTxRetrying(deps.db, async (tx): Promise<ReportOutcome> => {
    const branches = await branchKeysOf(tx, userId);
    const branchKey = branches[0];
    if (branchKey === undefined) return refuse("not-member");
    const registration = await registrationOf(tx, userId);
    const date = draft.date.trim();
    const problems = serviceReportProblems(draft, {
      today,
      communities: knownCommunities(deps.org.settings, registration?.community ?? null),
      hoursThatDay: (await centiHoursOn(tx, userId, date)) / 100,
    });
    if (problems.length > 0) return { ok: false, error: "invalid", problems };
    const hours = parseHours(draft.hours) ?? 0;
    const link = draft.link?.trim() || null;
    const file = draft.files?.[0];
    const report = await insertServiceReport(tx, {
      userId,
      branchKey,
      date,
      quarter: quarterOfDate(date),
      community: draft.community.trim(),
      category: draft.category,
      centiHours: Math.round(hours * 100),
      what: draft.what.trim(),
      link,
      ...(file ? { fileId: file.id, fileName: file.name, fileUrl: file.permalink } : {}),
    });
    const ack = present.reportAck(
      {
        id: report.id,
        userId,
        date,
        community: report.community,
        category: report.category,
        hours,
        what: report.what,
        link,
        file: file ? { name: file.name, url: file.permalink } : null,
      },
      translator(deps.org.locale),
    );
    await enqueueDelivery(tx, {
      dedupeKey: `service-report:${report.id}:ack`,
      method: "dm",
      payload: { user: userId, ...ack, unfurl_links: false },
    });
    return { ok: true, reportId: report.id, quarter: report.quarter };
  });
}
