/**
 * Opens the inspection rounds of a month (the `inspection-round` job): the round row, its
 * assignments (fair, from the domain), the announcement in the committee channel and a DM to
 * each inspecting team, all in one transaction. The round is keyed ("mutual:2027-06"): opening
 * the same round twice changes nothing and says so.
 */
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import {
  committeeMembers,
  createAssignments,
  createRoundIfMissing,
  inspectableBranches,
  previousAssignments,
} from "../../db/repositories/inspections.ts";
import { assignMutual, assignSupervision } from "../../domain/inspection-assign.ts";
import {
  DEFAULT_CHECKLIST,
  DEFAULT_ROUND_TIME,
  DEFAULT_WINDOW_DAYS,
  type InspectionSettings,
  kindsIn,
  type RoundKind,
  roundDates,
  roundKey,
} from "../../domain/inspection-round.ts";
import type { InspectionsPresenter } from "../../ports/inspections.ts";
import { inTx } from "../kit/tx.ts";
import { calendarOf } from "../org/calendar-settings.ts";
import { enqueueDelivery } from "../outbox/enqueue.ts";
import { announceRound } from "./announce.ts";

const settingsSchema = z.object({
  inspections: z
    .object({
      mutual: z.object({ months: z.array(z.number()) }),
      supervision: z.object({ months: z.array(z.number()) }),
      windowDays: z.number().default(DEFAULT_WINDOW_DAYS),
      time: z.string().default(DEFAULT_ROUND_TIME),
      checklist: z
        .array(
          z.object({
            key: z.string(),
            title: z.string().optional(),
            maxScore: z.number(),
            hint: z.string().optional(),
          }),
        )
        .default([]),
    })
    .loose()
    .optional(),
});

/** The org's inspection settings, or null when the org file has no inspections section. */
export function inspectionSettingsOf(settings: unknown): InspectionSettings | null {
  const s = settingsSchema.parse(settings ?? {}).inspections;
  if (!s) return null;
  const checklist = s.checklist.length > 0 ? s.checklist : [...DEFAULT_CHECKLIST];
  return {
    mutual: s.mutual,
    supervision: s.supervision,
    windowDays: s.windowDays,
    time: s.time,
    checklist: checklist.map((i) => ({
      key: i.key,
      maxScore: i.maxScore,
      ...(i.title === undefined ? {} : { title: i.title }),
      ...(i.hint === undefined ? {} : { hint: i.hint }),
    })),
  };
}

export interface OpenRoundsOrg {
  timezone: string;
  settings: unknown;
  committeeChannel: string;
}

export interface OpenedRound {
  key: string;
  status: "opened" | "already-open" | "skipped";
  assignments: number;
  conflicts: number;
}

async function openOne(
  db: Database,
  org: OpenRoundsOrg,
  settings: InspectionSettings,
  kind: RoundKind,
  period: string,
  presenter: InspectionsPresenter,
): Promise<OpenedRound> {
  const key = roundKey(kind, period);
  const dates = roundDates(calendarOf(org.settings, org.timezone), period, settings.windowDays);
  return inTx(db, async (tx) => {
    const branches = await inspectableBranches(tx);
    const byKey = new Map(branches.map((b) => [b.key, b]));
    const previous = await previousAssignments(tx, kind, period);
    const result =
      kind === "mutual"
        ? assignMutual(
            branches.map((b) => b.key),
            new Map(previous.map((p) => [p.inspector, p.target])),
            key,
          )
        : assignSupervision(
            branches.map((b) => ({ key: b.key, people: b.people })),
            await committeeMembers(tx),
            new Map(previous.map((p) => [p.target, p.inspector])),
            key,
          );
    const skipped = "skipped" in result ? result.skipped : null;
    const assignments = "skipped" in result ? [] : result.assignments;
    const conflicts = "skipped" in result ? [] : result.conflicts;
    const roundId = await createRoundIfMissing(tx, {
      key,
      kind,
      period,
      ...dates,
      checklist: settings.checklist,
      conflicts,
      skippedReason: skipped,
    });
    if (roundId === null) return { key, status: "already-open", assignments: 0, conflicts: 0 };
    const idOf = (k: string) => byKey.get(k)?.id as number;
    await createAssignments(
      tx,
      assignments.map((a) => ({
        roundId,
        branchId: idOf(a.target),
        ...(kind === "mutual"
          ? { inspectorBranchId: idOf(a.inspector) }
          : { inspectorUserId: a.inspector }),
      })),
    );
    const created = await tx.inspectionAssignment.findMany({
      where: { roundId },
      select: { id: true, branchId: true },
    });
    const assignmentOf = new Map(created.map((c) => [c.branchId, c.id]));
    const nameOf = (k: string) => byKey.get(k)?.name ?? k;
    await announceRound(tx, { id: roundId, key }, org.committeeChannel, presenter);
    for (const a of assignments) {
      const team = kind === "mutual" ? (byKey.get(a.inspector)?.secretaries ?? []) : [a.inspector];
      for (const user of team) {
        await enqueueDelivery(tx, {
          dedupeKey: `inspections:${key}:team:${a.target}:${user}`,
          method: "dm",
          payload: {
            user,
            ...presenter.teamNotice({
              kind,
              period,
              closesOn: dates.closesOn,
              branch: nameOf(a.target),
              assignmentId: assignmentOf.get(idOf(a.target)) as number,
            }),
          },
        });
      }
    }
    return {
      key,
      status: skipped ? "skipped" : "opened",
      assignments: assignments.length,
      conflicts: conflicts.length,
    };
  });
}

/** Opens every round of `period`'s month (none when the org has no inspections section). */
export async function openRounds(
  db: Database,
  org: OpenRoundsOrg,
  period: string,
  presenter: InspectionsPresenter,
): Promise<OpenedRound[]> {
  const settings = inspectionSettingsOf(org.settings);
  if (!settings) return [];
  const out: OpenedRound[] = [];
  for (const kind of kindsIn(settings, period)) {
    out.push(await openOne(db, org, settings, kind, period, presenter));
  }
  return out;
}
