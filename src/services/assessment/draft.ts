/**
 * Drafting a year's cards (the `assessment-draft` job, issue 22): every computed indicator's
 * value per branch from its source, written in one transaction with the committee's summary and
 * each secretary's card (the presenter is given as a port: `render`). A fixed number of queries
 * for the computation, whatever the number of branches.
 */
import type { Assessment } from "../../config/assessment-schema.ts";
import type { Database, Prisma } from "../../db/client.ts";
import {
  activeBranchesForAssessment,
  createAssessmentYear,
  type NewCard,
} from "../../db/repositories/assessment.ts";
import type { OrgRecord } from "../../db/repositories/org.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import type { YearView } from "../../ports/assessment.ts";
import { inTx } from "../kit/tx.ts";
import { calendarOf } from "../org/calendar-settings.ts";
import { type DeliveryRequest, enqueueDeliveries } from "../outbox/enqueue.ts";
import { type ComputedValues, yearViewOf } from "./cards.ts";
import type { AssessmentScope, AssessmentSource, BranchScope } from "./source.ts";

export type DraftResult =
  | { status: "drafted"; year: number; cards: number }
  | { status: "exists"; year: number }
  | { status: "not-configured" };

/** The assessment section of the stored settings, or null. */
export const assessmentOf = (settings: unknown): Assessment | null =>
  (settings as { assessment?: Assessment } | null)?.assessment ?? null;

/** The scope of a year as of a moment: each branch from January or its creation month. */
export function scopeOf(
  org: Pick<OrgRecord, "timezone" | "settings">,
  year: number,
  asOf: Date,
  branches: readonly { id: number; key: string; createdAt: Date }[],
): AssessmentScope {
  const asOfMonth = localDateOf(asOf, org.timezone).slice(0, 7);
  const to = asOfMonth < `${year}-12` ? asOfMonth : `${year}-12`;
  const scoped: BranchScope[] = branches.map((b) => {
    const created = localDateOf(b.createdAt, org.timezone).slice(0, 7);
    return { id: b.id, key: b.key, from: created > `${year}-01` ? created : `${year}-01`, to };
  });
  return {
    year,
    asOf,
    timezone: org.timezone,
    calendar: calendarOf(org.settings, org.timezone),
    settings: org.settings,
    branches: scoped.filter((b) => b.from <= b.to),
  };
}

/** Every branch's computed values: each source the indicators name, computed once. */
export async function computeValues(
  db: Database,
  rules: Assessment,
  sources: readonly AssessmentSource[],
  scope: AssessmentScope,
): Promise<Map<string, ComputedValues>> {
  const byName = new Map(sources.map((s) => [s.name, s]));
  const results = new Map<
    string,
    Map<string, { achieved: number; expected: number; evidence: never[] | unknown[] }>
  >();
  for (const name of new Set(rules.indicators.flatMap((i) => (i.source ? [i.source] : [])))) {
    const source = byName.get(name);
    if (!source) throw new Error(`assessment source ${name} is not contributed by any feature`);
    results.set(name, await source.compute(db, scope));
  }
  const out = new Map<string, ComputedValues>();
  for (const b of scope.branches) {
    const values: ComputedValues = {};
    for (const ind of rules.indicators) {
      if (!ind.source) continue;
      const source = byName.get(ind.source)!;
      const v = results.get(ind.source)?.get(b.key);
      values[ind.key] = {
        source: ind.source,
        label: source.label,
        achieved: v?.achieved ?? 0,
        expected: v?.expected ?? 0,
        evidence: (v?.evidence ?? []) as ComputedValues[string]["evidence"],
      };
    }
    out.set(b.key, values);
  }
  return out;
}

export interface DraftInput {
  db: Database;
  org: OrgRecord;
  sources: readonly AssessmentSource[];
  year: number;
  asOf: Date;
  /** The messages of a drafted year (committee summary, secretaries' cards). */
  render: (view: YearView) => DeliveryRequest[];
}

export async function draftYear(input: DraftInput): Promise<DraftResult> {
  const rules = assessmentOf(input.org.settings);
  if (!rules) return { status: "not-configured" };
  const branches = await activeBranchesForAssessment(input.db);
  const scope = scopeOf(input.org, input.year, input.asOf, branches);
  const values = await computeValues(input.db, rules, input.sources, scope);
  const cards: NewCard[] = scope.branches.map((b) => ({
    branchId: b.id,
    fromPeriod: b.from,
    toPeriod: b.to,
    computed: (values.get(b.key) ?? {}) as unknown as Prisma.InputJsonValue,
  }));
  const branchById = new Map(branches.map((b) => [b.id, b]));
  return inTx(input.db, async (tx) => {
    const ids = await createAssessmentYear(
      tx,
      input.year,
      rules as unknown as Prisma.InputJsonValue,
      input.asOf,
      cards,
    );
    if (!ids) return { status: "exists", year: input.year } as const;
    // A new year has no scores, remarks or effectiveness yet: its view is scored from the cards
    // just written rather than read back (the read-back was a tenth of the draft on PGlite).
    const view = yearViewOf({
      year: input.year,
      state: "draft",
      rules: rules as unknown as Prisma.JsonValue,
      asOf: input.asOf,
      finalizedAt: null,
      finalizedBy: null,
      cards: cards.map((c) => ({
        ...c,
        id: ids.get(c.branchId)!,
        computed: c.computed as Prisma.JsonValue,
        effectiveness: null,
        frozen: null,
        branch: branchById.get(c.branchId)!,
        scores: [],
        remarks: [],
      })),
    });
    await enqueueDeliveries(tx, input.render(view));
    return { status: "drafted", year: input.year, cards: cards.length } as const;
  });
}
