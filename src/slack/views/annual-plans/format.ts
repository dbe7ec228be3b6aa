/** Small renderers shared by the annual plans' surfaces. */
import { type PlanKind, type PlanTarget, parseTarget } from "../../../domain/annual-plan.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type { PlanItemRecord, PlanRecord } from "../../../ports/annual-plans.ts";
import { kindOf } from "../../../ports/annual-plans.ts";
import { mention } from "../../blocks.ts";
import { esc } from "../tasklist/format.ts";

export { esc };

const KIND_KEY: Record<PlanKind, MessageKey> = {
  arrangement: "annualPlans.kind.arrangement",
  conduct: "annualPlans.kind.conduct",
  theory: "annualPlans.kind.theory",
  "theme-day": "annualPlans.kind.theme-day",
};

export const kindLabel = (plan: Pick<PlanRecord, "kind">, t: Translator): string =>
  t(KIND_KEY[kindOf(plan.kind)]);

export function targetLabel(target: PlanTarget | string | null, t: Translator): string {
  const parsed = typeof target === "string" ? parseTarget(target) : target;
  if (!parsed) return "";
  return "month" in parsed
    ? t("annualPlans.target.month", { n: parsed.month })
    : t("annualPlans.target.quarter", { n: parsed.quarter });
}

/** One item on one line: number, title, target, responsible person, expected result. */
export function itemLine(item: PlanItemRecord, t: Translator, n: number): string {
  const mark = item.status === "DONE" ? "✅" : `${n}.`;
  const parts = [esc(item.title), targetLabel(item.target, t)];
  if (item.ownerUserId) parts.push(t("annualPlans.item.owner", { who: mention(item.ownerUserId) }));
  if (item.expectedResult)
    parts.push(t("annualPlans.item.expected", { what: esc(item.expectedResult) }));
  return `${mark} ${parts.join(" · ")}`;
}

/** Lines grouped into texts of at most `max` characters (one section each). */
export function chunks(lines: readonly string[], max = 2900): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of lines) {
    const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
    if (current && current.length + 1 + cut.length > max) {
      out.push(current);
      current = cut;
    } else current = current ? `${current}\n${cut}` : cut;
  }
  if (current) out.push(current);
  return out;
}
