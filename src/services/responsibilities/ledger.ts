/**
 * The responsibility lists in the plans ledger (`/pbb report plans`, `pbb report plans`): one
 * row per item of the year's lists, in the ledger's columns — the list (the committee's or a
 * member's) where a plan row has its branch, the duty, its target, result, standing, when it was
 * done and its history (marks, progress, moves with their reasons). Two queries.
 */
import type { Database } from "../../db/client.ts";
import { personNames } from "../../db/repositories/annual-plan-ledger.ts";
import { type DutyEventRecord, loadDutyLedger } from "../../db/repositories/responsibility.ts";
import { localDateOf } from "../../domain/period.ts";
import { COMMITTEE_OWNER } from "../../domain/responsibility.ts";
import type { Translator } from "../../i18n/index.ts";
import type { Cell } from "../reports/columns.ts";
import { formatAsOf } from "../reports/format.ts";
import { dutyView } from "./duties.ts";

const targetText = (code: string, t: Translator): string => {
  const m = /^([mq])(\d+)$/.exec(code);
  if (!m) return code;
  return t(m[1] === "m" ? "annualPlans.target.month" : "annualPlans.target.quarter", {
    n: Number(m[2]),
  });
};

function eventText(
  e: DutyEventRecord,
  names: Map<string, string>,
  tz: string,
  t: Translator,
): string {
  const d = (e.detail ?? {}) as { note?: unknown; from?: unknown; to?: unknown };
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const what = [
    t(`duties.report.event.${e.kind}` as Parameters<Translator>[0]),
    d.from && d.to ? `${targetText(str(d.from), t)} → ${targetText(str(d.to), t)}` : "",
    str(d.note),
  ]
    .filter(Boolean)
    .join(": ");
  return `${formatAsOf(e.at, tz)} ${what} (${names.get(e.by) ?? e.by})`;
}

/** The rows, in the plans ledger's 15 columns; none when the year has no lists. */
export async function dutyLedgerRows(
  db: Database,
  year: number,
  asOf: Date,
  tz: string,
  t: Translator,
): Promise<Cell[][]> {
  const [items, names] = await Promise.all([loadDutyLedger(db, year), personNames(db)]);
  const today = localDateOf(asOf, tz);
  const list = t("duties.report.list");
  return items.map((d): Cell[] => {
    const owner =
      d.owner === COMMITTEE_OWNER ? t("duties.owner.committee") : (names.get(d.owner) ?? d.owner);
    const status = d.removed
      ? t("duties.report.removed")
      : t(`annualPlans.ledger.status.${dutyView(d, today).standing}`);
    return [
      "",
      owner,
      t(d.removed ? "reports.no" : "reports.yes"),
      list,
      "",
      "",
      d.position >= 0 ? d.position + 1 : "",
      d.duty,
      targetText(d.target, t),
      owner,
      d.result ?? "",
      status,
      d.doneAt ? formatAsOf(d.doneAt, tz) : "",
      d.events.map((e) => eventText(e, names, tz, t)).join("; "),
      "",
    ];
  });
}
