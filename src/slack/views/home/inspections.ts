/**
 * Inspections on the Home (the loader is services/inspections/home.ts): for the committee, each
 * open round's progress (checklists sent of assigned, closure rate, overdue), the overdue items
 * per branch, worst first, and the open item overdue longest (Reassign); an inspector's checklists still to send (Open the checklist);
 * the owner's open items (Report done) and the items they may verify (Accept / Reopen). The
 * buttons are the DMs' own actions. At most 8 blocks; the rest is counted and in the report.
 */
import type { KnownBlock } from "@slack/types";
import { formatDay } from "../../../i18n/dates.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { HomeItem, InspectionsHomeView } from "../../../ports/inspections.ts";
import { button, context, header, mention, section, truncate } from "../../blocks.ts";
import { INSPECTION_ACTION } from "../../ids/inspections.ts";
import { kindName, reassignButton, severityName, verifyActions } from "../inspections/present.ts";
import { periodLabel } from "../tasklist/format.ts";
import { esc, percent } from "./format.ts";

const OWNED_SHOWN = 2;
const ROUNDS_SHOWN = 2;

function itemLine(t: Translator, v: HomeItem): string {
  return t(v.overdue ? "inspections.home.itemOverdue" : "inspections.home.item", {
    branch: esc(v.branch),
    severity: severityName(t, v.severity),
    problem: esc(truncate(v.problem, 300)),
    due: formatDay(v.dueOn, t),
  });
}

function committeeText(c: NonNullable<InspectionsHomeView["committee"]>, t: Translator): string {
  const rows = c.rounds.slice(0, ROUNDS_SHOWN).map((r) =>
    t("inspections.home.round", {
      kind: kindName(t, r.kind),
      period: periodLabel(r.period, t),
      closes: formatDay(r.closesOn, t),
      submitted: r.submitted,
      assigned: r.assigned,
      rate: percent(r.closed, r.items),
      closed: r.closed,
      items: r.items,
      overdue: r.overdue,
    }),
  );
  if (c.rounds.length === 0) rows.push(t("inspections.home.noRound"));
  rows.push(
    c.overdueTotal === 0
      ? t("inspections.home.noOverdue")
      : t("inspections.home.overdue", {
          count: c.overdueTotal,
          branches: c.overdueByBranch
            .map((b) =>
              t("inspections.home.overdueBranch", { branch: esc(b.branch), count: b.overdue }),
            )
            .join(t("inspections.home.separator")),
        }),
  );
  if (c.overdueItem)
    rows.push(
      t("inspections.home.overdueItem", {
        branch: esc(c.overdueItem.branch),
        problem: esc(truncate(c.overdueItem.problem, 300)),
        due: formatDay(c.overdueItem.dueOn, t),
        owner: mention(c.overdueItem.owner),
      }),
    );
  return rows.join("\n");
}

export function inspectionsHomeBlocks(v: InspectionsHomeView, t: Translator): KnownBlock[] {
  const blocks: KnownBlock[] = [header(t("inspections.home.header"))];
  if (v.committee) {
    const item = v.committee.overdueItem;
    blocks.push(
      section(committeeText(v.committee, t), item ? { accessory: reassignButton(t, item.id) } : {}),
    );
  }
  const [firstAssignment] = v.assignments;
  if (firstAssignment) {
    const rows = v.assignments.map((a) =>
      t("inspections.home.assignment", {
        kind: kindName(t, a.kind),
        period: periodLabel(a.period, t),
        branch: esc(a.branch),
        closes: formatDay(a.closesOn, t),
      }),
    );
    blocks.push(
      section(
        [t("inspections.home.assignments", { count: v.pendingAssignments }), ...rows].join("\n"),
        {
          accessory: button(t("inspections.team.open"), INSPECTION_ACTION.openChecklist, {
            value: String(firstAssignment.assignmentId),
            style: "primary",
          }),
        },
      ),
    );
  }
  for (const item of v.owned.slice(0, OWNED_SHOWN)) {
    blocks.push(
      section(itemLine(t, item), {
        accessory: button(t("inspections.owner.done"), INSPECTION_ACTION.openDone, {
          value: String(item.id),
        }),
      }),
    );
  }
  const [verify] = v.toVerify;
  if (verify) {
    blocks.push(
      section(
        [
          t("inspections.home.toVerify", { owner: mention(verify.owner) }),
          itemLine(t, verify),
          t("inspections.verify.done", {
            done: esc(truncate(verify.doneText ?? "", 500)),
            evidence: esc(truncate(verify.evidence ?? "", 500)),
          }),
        ].join("\n"),
      ),
      verifyActions(t, verify.id),
    );
  }
  blocks.push(
    context(
      t("inspections.home.footer", {
        open: v.owned.length,
        waiting: v.waiting,
        verify: v.toVerifyCount,
      }),
    ),
  );
  return blocks;
}
