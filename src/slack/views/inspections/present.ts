/**
 * Inspections' messages: the round's announcement in the committee channel, each inspecting
 * team's DM (with the checklist button), the result in the inspected branch's channel, and a
 * rectification item for its owner (report done, reassign), its verifiers (accept / reopen), the
 * reminders and the committee's weekly overdue list (reassign). Person-typed text is escaped.
 */
import type { KnownBlock } from "@slack/types";
import { percentOf } from "../../../domain/percent.ts";
import { formatDay } from "../../../i18n/dates.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type {
  AmendmentView,
  InspectionsMessage,
  InspectionsPresenter,
  ItemView,
  RectificationView,
  ReminderWhen,
  ResultView,
  RoundAnnouncement,
  RoundComparison,
  TeamNotice,
} from "../../../ports/inspections.ts";
import { actions, button, context, mention, section, truncate } from "../../blocks.ts";
import { INSPECTION_ACTION, INSPECTION_BLOCK } from "../../ids/inspections.ts";
import { esc, lines, periodLabel } from "../tasklist/format.ts";

const key = (k: string) => k as MessageKey;

export const kindName = (t: Translator, kind: string) => t(key(`inspections.kind.${kind}`));

/** An item's title: the org file's, or the catalog's for the default checklist's keys. */
export const itemTitle = (t: Translator, i: Pick<ItemView, "key" | "title">) =>
  i.title ?? t(key(`inspections.item.${i.key}.title`));

export const itemHint = (t: Translator, i: Pick<ItemView, "key" | "title" | "hint">) =>
  i.hint ?? (i.title ? null : t(key(`inspections.item.${i.key}.hint`)));

export const severityName = (t: Translator, s: string) => t(key(`inspections.severity.${s}`));

function itemText(t: Translator, v: RectificationView): string {
  return lines([
    t("inspections.item.line", {
      kind: kindName(t, v.kind),
      period: periodLabel(v.period, t),
      branch: esc(v.branch),
    }),
    t("inspections.item.problem", {
      severity: severityName(t, v.severity),
      problem: esc(v.problem),
    }),
    ...(v.suggestion ? [t("inspections.item.suggestion", { suggestion: esc(v.suggestion) })] : []),
    t("inspections.item.due", { due: formatDay(v.dueOn, t), owner: mention(v.owner) }),
  ]);
}

const message = (text: string, blocks: KnownBlock[]): InspectionsMessage => ({ text, blocks });

/** Accept / Reopen of an item reported done (its verifier's DM and the Home). */
export const verifyActions = (t: Translator, id: number): KnownBlock =>
  actions(INSPECTION_BLOCK.verifyActions, [
    button(t("inspections.verify.accept"), INSPECTION_ACTION.accept, {
      value: String(id),
      style: "primary",
    }),
    button(t("inspections.verify.reopen"), INSPECTION_ACTION.openReopen, { value: String(id) }),
  ]);

/**
 * Reassign an open item (a secretary of its branch or a committee member): in the owner's DM,
 * the reminders, the committee's overdue list and its Home.
 */
export const reassignButton = (t: Translator, id: number) =>
  button(t("inspections.reassign.button"), INSPECTION_ACTION.openReassign, { value: String(id) });

/** Report done (the owner) and Reassign. */
const itemActions = (t: Translator, id: number, style?: "primary"): KnownBlock =>
  actions(INSPECTION_BLOCK.itemActions, [
    button(t("inspections.owner.done"), INSPECTION_ACTION.openDone, {
      value: String(id),
      ...(style ? { style } : {}),
    }),
    reassignButton(t, id),
  ]);

/** The overdue items the committee's weekly list shows, one section each (50 blocks a message). */
const OVERDUE_SHOWN = 48;

/** A score's change against the previous round: "+3", "−2.5", "=", or "first round". */
export function changeText(t: Translator, change: number | null): string {
  if (change === null) return t("inspections.compare.first");
  if (change === 0) return t("inspections.compare.same");
  return change > 0
    ? t("inspections.compare.up", { n: change })
    : t("inspections.compare.down", { n: -change });
}

/** Rows over several sections (each holds at most 3000 characters), at most `max` blocks. */
export function sections(rows: readonly string[], max: number, more: string): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let chunk: string[] = [];
  for (const row of rows) {
    if (chunk.length > 0 && [...chunk, row].join("\n").length > 2900) {
      blocks.push(section(chunk.join("\n")));
      chunk = [];
    }
    chunk.push(row);
  }
  if (chunk.length > 0) blocks.push(section(chunk.join("\n")));
  if (blocks.length > max) {
    blocks.length = max - 1;
    blocks.push(context(more));
  }
  return blocks;
}

export function inspectionsPresenter(t: Translator): InspectionsPresenter {
  const head = (a: { kind: string; period: string }) => ({
    kind: kindName(t, a.kind),
    period: periodLabel(a.period, t),
  });
  return {
    announcement(a: RoundAnnouncement) {
      const h = { ...head(a), opens: formatDay(a.opensOn, t), closes: formatDay(a.closesOn, t) };
      if (a.skipped) {
        const text = t(`inspections.announce.skipped.${a.skipped}`, h);
        return message(text, [section(text)]);
      }
      const title = t("inspections.announce.title", h);
      const rows = [
        ...a.lines.map((l) =>
          t("inspections.announce.line", {
            inspector: "user" in l.inspector ? mention(l.inspector.user) : esc(l.inspector.branch),
            branch: esc(l.branch),
          }),
        ),
        ...a.conflicts.map((c) =>
          t(`inspections.announce.conflict.${c.reason}`, { branch: esc(c.branch) }),
        ),
      ];
      // The fallback stays within chat.update's limit: a swap updates this message in place.
      return message(lines([title, ...rows], 3900), [
        section(title),
        ...sections(rows, 49, t("inspections.announce.more")),
      ]);
    },
    teamNotice(n: TeamNotice) {
      const text = t("inspections.team.dm", {
        ...head(n),
        closes: formatDay(n.closesOn, t),
        branch: esc(n.branch),
      });
      return message(text, [
        section(text),
        actions(INSPECTION_BLOCK.teamActions, [
          button(t("inspections.team.open"), INSPECTION_ACTION.openChecklist, {
            value: String(n.assignmentId),
            style: "primary",
          }),
        ]),
      ]);
    },
    amended(v: AmendmentView) {
      const title = t("inspections.amend.title", {
        ...head(v),
        branch: esc(v.branch),
        by: mention(v.by),
        total: v.total,
        max: v.max,
        reason: esc(v.reason),
      });
      const rows = [
        ...v.scores.map((s) =>
          t("inspections.amend.score", {
            item: esc(itemTitle(t, s.item)),
            before: s.before ?? "—",
            after: s.after,
          }),
        ),
        ...(v.noteChanged ? [t("inspections.amend.note")] : []),
        ...v.added.map((f) =>
          t("inspections.amend.added", {
            severity: severityName(t, f.severity),
            problem: esc(f.problem),
            due: formatDay(f.dueOn, t),
            owner: mention(f.owner),
          }),
        ),
        ...v.changed.map((c) =>
          t("inspections.amend.changed", { before: esc(c.before), after: esc(c.after) }),
        ),
        ...v.removed.map((problem) => t("inspections.amend.removed", { problem: esc(problem) })),
      ];
      return message(title, [section(title), ...sections(rows, 20, t("inspections.amend.more"))]);
    },
    released(n) {
      const text = t("inspections.swap.released", { ...head(n), branch: esc(n.branch) });
      return message(text, [section(text)]);
    },
    result(v: ResultView) {
      const title = t("inspections.result.title", {
        ...head(v),
        branch: esc(v.branch),
        total: v.total,
        max: v.max,
      });
      const scores = v.items.map((i) =>
        t("inspections.result.score", {
          item: esc(itemTitle(t, i)),
          score: i.score,
          max: i.maxScore,
        }),
      );
      const findings =
        v.findings.length === 0
          ? [t("inspections.result.noFindings")]
          : v.findings.map((f, n) =>
              t("inspections.result.finding", {
                n: n + 1,
                severity: severityName(t, f.severity),
                problem: esc(f.problem),
                due: formatDay(f.dueOn, t),
                owner: mention(f.owner),
              }),
            );
      const blocks: KnownBlock[] = [section(title), section(lines(scores))];
      if (v.note) blocks.push(context(esc(v.note)));
      blocks.push(section(lines(findings)));
      return message(title, blocks);
    },
    ownerItem(v: RectificationView, reassigned?: { reassignedBy: string }) {
      const text = itemText(t, v);
      const intro = reassigned
        ? t("inspections.owner.reassigned", { by: mention(reassigned.reassignedBy) })
        : v.reopenCount > 0
          ? t("inspections.owner.reopened", { comment: esc(v.lastComment ?? "") })
          : t("inspections.owner.new");
      return message(`${intro}\n${text}`, [
        section(intro),
        section(text),
        itemActions(t, v.id, "primary"),
      ]);
    },
    verifyRequest(v: RectificationView) {
      const intro = t("inspections.verify.request", { owner: mention(v.owner) });
      const done = t("inspections.verify.done", {
        done: esc(v.doneText ?? ""),
        evidence: esc(v.evidence ?? ""),
      });
      return message(`${intro}\n${itemText(t, v)}`, [
        section(intro),
        section(itemText(t, v)),
        section(done),
        verifyActions(t, v.id),
      ]);
    },
    verified(v: RectificationView) {
      const text = t("inspections.owner.verified", {
        problem: esc(v.problem),
        by: mention(v.verifiedBy ?? ""),
      });
      return message(text, [section(text)]);
    },
    reminder(v: RectificationView, when: ReminderWhen, daysLeft: number) {
      const intro = t(`inspections.reminder.${when}`, { due: formatDay(v.dueOn, t), n: daysLeft });
      return message(`${intro}\n${itemText(t, v)}`, [
        section(intro),
        section(itemText(t, v)),
        itemActions(t, v.id),
      ]);
    },
    comparison(v: RoundComparison) {
      const inspected = v.ranking.length;
      const title = t("inspections.compare.title", {
        ...head(v),
        closes: formatDay(v.closesOn, t),
        inspected,
        assigned: inspected + v.notInspected.length,
      });
      const rate = percentOf(v.closed, v.items);
      const closure = t("inspections.compare.closure", {
        items: v.items,
        closed: v.closed,
        rate: rate === null ? "—" : `${rate}%`,
        overdue: v.overdue,
      });
      const ranking = v.ranking.map((r) =>
        t("inspections.compare.rank", {
          rank: r.rank,
          branch: esc(r.branch),
          total: r.total,
          max: r.max,
          change: changeText(t, r.change),
        }),
      );
      const weak = v.weak.map((w) =>
        t("inspections.compare.weak", {
          item: esc(itemTitle(t, w.item)),
          branches: w.branchesLosing,
          points: w.pointsLost,
        }),
      );
      const more = t("inspections.compare.more");
      const blocks: KnownBlock[] = [section(title), context(closure)];
      if (ranking.length > 0) {
        blocks.push(section(t("inspections.compare.rankingTitle")), ...sections(ranking, 30, more));
      }
      if (weak.length > 0) {
        blocks.push(section(t("inspections.compare.weakTitle")), ...sections(weak, 6, more));
      }
      if (v.notInspected.length > 0) {
        const names = v.notInspected.map((b) => esc(b));
        blocks.push(
          ...sections(
            [t("inspections.compare.notInspected", { count: names.length }), ...names],
            6,
            more,
          ),
        );
      }
      return message(`${title}\n${closure}`, blocks);
    },
    overdue(items: RectificationView[], today: string) {
      const title = t("inspections.overdue.title", {
        count: items.length,
        today: formatDay(today, t),
      });
      // One section per item, with Reassign while it is open (one reported done waits for its
      // verifier); the rest is in the report.
      const rows = items.slice(0, OVERDUE_SHOWN).map((v) =>
        section(
          t("inspections.overdue.line", {
            branch: esc(v.branch),
            problem: esc(truncate(v.problem, 500)),
            due: formatDay(v.dueOn, t),
            owner: mention(v.owner),
          }),
          v.state === "OPEN" ? { accessory: reassignButton(t, v.id) } : {},
        ),
      );
      const more = items.length > OVERDUE_SHOWN ? [context(t("inspections.overdue.more"))] : [];
      return message(title, [section(title), ...rows, ...more]);
    },
  };
}
