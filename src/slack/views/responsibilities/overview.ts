/**
 * The chair's view of the responsibility lists (`/pbb duties all`, the Home): counts per list
 * (the committee's first, then by overdue items) and the overdue items themselves.
 */
import type { KnownBlock } from "@slack/types";
import { COMMITTEE_OWNER } from "../../../domain/responsibility.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { DutyOverview, DutyView } from "../../../ports/responsibilities.ts";
import { context, header, mention, section, truncate } from "../../blocks.ts";
import { esc, targetLabel } from "../annual-plans/format.ts";

/** A list's owner in mrkdwn: the committee's name, or a mention. */
export const ownerText = (owner: string, t: Translator): string =>
  owner === COMMITTEE_OWNER ? t("duties.owner.committee") : mention(owner);

export const overdueLine = (d: DutyView, t: Translator): string =>
  t("duties.home.overdueItem", {
    owner: ownerText(d.owner, t),
    duty: esc(truncate(d.duty, 120)),
    target: targetLabel(d.target, t),
  });

/** Count lines and overdue lines, each cut to `max` lines (a section's text stays short). */
export function overviewLines(
  o: DutyOverview,
  t: Translator,
  max: number,
): { counts: string[]; overdue: string[] } {
  return {
    counts: o.owners.slice(0, max).map((c) =>
      t("duties.home.row", {
        owner: ownerText(c.owner, t),
        done: c.done,
        inProgress: c.inProgress,
        overdue: c.overdue,
      }),
    ),
    overdue: o.overdue.slice(0, max).map((d) => overdueLine(d, t)),
  };
}

export function dutyOverviewMessage(
  o: DutyOverview,
  t: Translator,
): { text: string; blocks: KnownBlock[] } {
  const { counts, overdue } = overviewLines(o, t, 40);
  const title = t("duties.home.header", { year: o.year });
  const blocks: KnownBlock[] = [header(title)];
  if (overdue.length > 0) blocks.push(section(overdue.join("\n").slice(0, 2900)));
  if (counts.length > 0) blocks.push(section(counts.join("\n").slice(0, 2900)));
  blocks.push(context(t("duties.home.pointer")));
  return { text: title, blocks };
}
