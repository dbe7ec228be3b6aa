/**
 * The service list on the App Home, in a fixed number of queries whatever the size of the org:
 * a member's registration and their reports this quarter; a secretary's branches (registration
 * rate, members active, hours per member, the queries waiting for or given an answer); the
 * committee's grid summarised (the org's figures, the worst branches first, counts) and the
 * year's practical projects in one line. Shown once the org has a service list.
 */

import type { Prisma } from "../../db/client.ts";
import { projectStatusesOfYear } from "../../db/repositories/practical-projects.ts";
import {
  branchMembers,
  quarterTotals,
  queriedReports,
  registrationOf,
  registrationsOf,
} from "../../db/repositories/service-list.ts";
import { quarterOfDate, serviceFigures } from "../../domain/service-list.ts";
import type { ServiceBranchRow, ServiceHomeView } from "../../ports/service-list.ts";
import { reportView } from "./query.ts";

/** The Home's reader (the bot's client or one counting its queries). */
export type ServiceHomeReader = Prisma.TransactionClient;
type Tx = ServiceHomeReader;

const WORST_SHOWN = 5;
/** The Home shows a few; the rest are in `/pbb service`. */
const OWN_SHOWN = 5;

export interface ServiceHomeViewer {
  userId: string;
  committee: boolean;
  secretaryOf: readonly { key: string }[];
  memberOf: readonly { key: string }[];
}

type Totals = Awaited<ReturnType<typeof quarterTotals>>;

function branchRow(
  b: { key: string; name: string; members: string[] },
  registered: ReadonlySet<string>,
  totals: Totals,
): ServiceBranchRow {
  const mine = totals.filter((r) => r.branchKey === b.key);
  const f = serviceFigures(
    b.members,
    registered,
    mine.map((r) => ({ userId: r.userId, hours: r.centiHours / 100 })),
  );
  const people = new Set(b.members);
  const reports = mine.filter((r) => people.has(r.userId)).reduce((s, r) => s + r.reports, 0);
  return { key: b.key, name: b.name, ...f, reports };
}

/** Worst first: registration rate, then members active per member, then hours per member. */
const worseFirst = (a: ServiceBranchRow, b: ServiceBranchRow) =>
  (a.registrationRate ?? 101) - (b.registrationRate ?? 101) ||
  a.active / Math.max(1, a.members) - b.active / Math.max(1, b.members) ||
  (a.hoursPerMember ?? 0) - (b.hoursPerMember ?? 0) ||
  a.name.localeCompare(b.name);

export async function loadServiceHome(
  db: Tx,
  viewer: ServiceHomeViewer,
  today: string,
): Promise<ServiceHomeView> {
  const quarter = quarterOfDate(today);
  const year = Number(today.slice(0, 4));
  const member = viewer.memberOf.length + viewer.secretaryOf.length > 0;
  const secretaryKeys = viewer.secretaryOf.map((b) => b.key);
  const wide = viewer.committee || secretaryKeys.length > 0;
  const keys = viewer.committee ? null : secretaryKeys;
  const [registration, own, ownTotals, branches, registered, totals, queried, projects] =
    await Promise.all([
      member ? registrationOf(db, viewer.userId) : null,
      member
        ? db.serviceReport.findMany({
            where: { userId: viewer.userId, quarter },
            orderBy: [{ date: "desc" }, { id: "desc" }],
            take: OWN_SHOWN,
          })
        : [],
      member
        ? db.serviceReport.aggregate({
            where: { userId: viewer.userId, quarter },
            _sum: { centiHours: true },
            _count: { _all: true },
          })
        : null,
      wide ? branchMembers(db, keys ?? undefined) : [],
      wide ? registrationsOf(db, null) : new Set<string>(),
      wide ? quarterTotals(db, quarter, keys) : [],
      secretaryKeys.length > 0 ? queriedReports(db, secretaryKeys, quarter) : [],
      viewer.committee ? projectStatusesOfYear(db, year) : [],
    ]);
  const rows = branches.map((b) => branchRow(b, registered, totals));
  const secretary = rows
    .filter((r) => secretaryKeys.includes(r.key))
    .map((r) => {
      const asked = queried.filter((q) => q.branchKey === r.key);
      const answered = asked.filter((q) => q._count.replies > 0).length;
      return { ...r, awaiting: asked.length - answered, answered };
    });
  let committee: ServiceHomeView["committee"] = null;
  if (viewer.committee) {
    const everyone = [...new Set(branches.flatMap((b) => b.members))];
    const total = branchRow(
      { key: "", name: "", members: everyone },
      registered,
      totals.map((r) => ({ ...r, branchKey: "" })),
    );
    const open = projects.filter((p) => p.status !== "DONE");
    committee = {
      total,
      branches: rows.length,
      worst: [...rows].sort(worseFirst).slice(0, WORST_SHOWN),
      lowRegistration: rows.filter((r) => r.registrationRate !== null && r.registrationRate < 50)
        .length,
      noneActive: rows.filter((r) => r.members > 0 && r.active === 0).length,
      projects: {
        total: projects.length,
        active: projects.filter((p) => p.status === "ACTIVE").length,
        requested: projects.filter((p) => p.status === "COMPLETION_REQUESTED").length,
        done: projects.length - open.length,
        overdue: open.filter((p) => p.milestones.some((m) => m.doneAt === null && m.due < today))
          .length,
        noLead: open.filter((p) => p.leadUserId === null).length,
      },
    };
  }
  return {
    quarter,
    year,
    member: member
      ? {
          community: registration?.community ?? null,
          reports: own.map(reportView),
          count: ownTotals?._count._all ?? 0,
          hours: (ownTotals?._sum.centiHours ?? 0) / 100,
        }
      : null,
    secretary,
    committee,
  };
}
