/**
 * A year of the four plans in bulk (tests and `npm run bench:plans`): `branches` new branches,
 * each with its four plans in the states by turn (not submitted, waiting, returned, approved),
 * every submitted plan `items` items targeted month by month, a third of them done.
 */
import type { Database } from "../../src/db/client.ts";

const KINDS = ["ARRANGEMENT", "CONDUCT", "THEORY", "THEME_DAY"] as const;
const STATES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] as const;
const REVISION = { SUBMITTED: "SUBMITTED", RETURNED: "RETURNED", APPROVED: "APPROVED" } as const;

export async function seedPlansYear(
  db: Database,
  o: { year: number; branches: number; items: number; prefix?: string; from?: number },
): Promise<void> {
  const p = db.prisma;
  const prefix = o.prefix ?? "p";
  const from = o.from ?? 0;
  const keys = Array.from({ length: o.branches }, (_, k) => `${prefix}${from + k}`);
  await p.branch.createMany({
    data: keys.map((key) => ({ key, name: `Branch ${key}`, channelId: `C0${key.toUpperCase()}` })),
  });
  const branches = await p.branch.findMany({
    where: { key: { in: keys } },
    orderBy: { id: "asc" },
  });
  await p.annualPlan.createMany({
    data: branches.flatMap((b, i) =>
      KINDS.map((kind, k) => {
        const state = STATES[(i + k) % 4] ?? "DRAFT";
        return {
          branchId: b.id,
          year: o.year,
          kind,
          state,
          currentRevision: state === "DRAFT" ? 0 : 1,
          approvedRevision: state === "APPROVED" ? 1 : null,
          version: state === "DRAFT" ? 0 : 1,
        };
      }),
    ),
  });
  const plans = await p.annualPlan.findMany({
    where: { branchId: { in: branches.map((b) => b.id) }, year: o.year, state: { not: "DRAFT" } },
  });
  await p.annualPlanRevision.createMany({
    data: plans.map((plan) => ({
      planId: plan.id,
      number: 1,
      status: REVISION[plan.state as keyof typeof REVISION],
      submittedBy: "U0SEC1",
    })),
  });
  const revisions = await p.annualPlanRevision.findMany({
    where: { planId: { in: plans.map((plan) => plan.id) } },
    select: { id: true },
  });
  const rows = revisions.flatMap((r) =>
    Array.from({ length: o.items }, (_, position) => ({
      revisionId: r.id,
      position,
      title: `Item ${position + 1}`,
      target: position % 5 === 4 ? `q${(position % 4) + 1}` : `m${(position % 12) + 1}`,
      status: position % 3 === 0 ? ("DONE" as const) : ("OPEN" as const),
      doneAt: position % 3 === 0 ? new Date(Date.UTC(o.year, 0, 20)) : null,
    })),
  );
  for (let i = 0; i < rows.length; i += 5000)
    await p.annualPlanItem.createMany({ data: rows.slice(i, i + 5000) });
}
