/**
 * The responsibility lists' modals: a committee member marks their items and the committee's
 * (done or in progress, a word on progress, and for an overdue one the reason and a new target),
 * and a system admin edits one list (rows checked like a plan's, errors on their field).
 */
import type { KnownBlock, ModalView } from "@slack/types";
import {
  MAX_PLAN_RESULT,
  type PlanRowError,
  type RawPlanRow,
} from "../../../domain/annual-plan.ts";
import { COMMITTEE_OWNER } from "../../../domain/responsibility.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type {
  DutyEditForm,
  DutyMarkForm,
  DutyMarkInput,
  DutyMarkProblem,
  DutyView,
} from "../../../ports/responsibilities.ts";
import { context, featureModal, input, option, plain, section } from "../../blocks.ts";
import {
  DUTY_ACTION,
  DUTY_CALLBACK,
  type DutyRowInput,
  dutyBlock,
  dutyRowBlock,
  parseDutyBlock,
  parseDutyRowBlock,
} from "../../ids/responsibilities.ts";
import { optionalInput, staticSelect, textBox } from "../../inputs.ts";
import { targetLabel } from "../annual-plans/format.ts";
import { targetOptions, targetRowInputs } from "../annual-plans/modal.ts";

const DUTY_FIELD = { title: "duty", target: "target", result: "result" } as const;

const modal = featureModal("duties.modal.submit", "duties.modal.close");

/** Whose list an item is on, as a label says it (plain text: a name, not a mention). */
export const ownerLabel = (owner: string, t: Translator, names?: ReadonlyMap<string, string>) =>
  owner === COMMITTEE_OWNER ? t("duties.owner.committee") : (names?.get(owner) ?? owner);

/** "Q2 · expected: …" under an item. */
export function dutyHint(d: DutyView, t: Translator): string {
  const parts = [t(`duties.standing.${d.standing}` as MessageKey), targetLabel(d.target, t)];
  if (d.result) parts.push(t("duties.result", { what: d.result }));
  return parts.join(" · ");
}

function itemBlocks(d: DutyView, n: number, firstMonth: number, t: Translator): KnownBlock[] {
  const statusOptions = [
    option(t("duties.status.open"), "open"),
    option(t("duties.status.done"), "done"),
  ];
  const prefix = d.owner === COMMITTEE_OWNER ? `[${t("duties.owner.committee")}] ` : "";
  const blocks: KnownBlock[] = [
    input(
      dutyBlock(d.id, "status"),
      `${n}. ${prefix}${d.duty}`,
      staticSelect(DUTY_ACTION.status, statusOptions, statusOptions[d.standing === "done" ? 1 : 0]),
      { hint: plain(dutyHint(d, t).slice(0, 2000)) },
    ),
    optionalInput(
      dutyBlock(d.id, "note"),
      t(d.standing === "overdue" ? "duties.modal.reason" : "duties.modal.progress"),
      textBox(DUTY_ACTION.note, { max: MAX_PLAN_RESULT, initial: d.progress }),
    ),
  ];
  if (d.standing === "overdue")
    blocks.push(
      optionalInput(
        dutyBlock(d.id, "move"),
        t("duties.modal.move"),
        staticSelect(DUTY_ACTION.move, targetOptions(firstMonth, t)),
      ),
    );
  return blocks;
}

export function dutyMarkModal(form: DutyMarkForm, t: Translator): ModalView {
  const blocks: KnownBlock[] = [section(t("duties.modal.intro", { year: form.year }))];
  if (form.more > 0) blocks.push(context(t("duties.modal.more", { count: form.more })));
  form.items.forEach((d, i) => {
    blocks.push(...itemBlocks(d, i + 1, form.firstMonth, t));
  });
  return modal(DUTY_CALLBACK.mark, t("duties.modal.title"), String(form.year), blocks, t);
}

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value?: string } | null }>
>;

/** The answers as typed: one per item whose status select is on the form. */
export function readDutyMarks(values: StateValues | undefined): DutyMarkInput[] {
  const byId = new Map<number, DutyMarkInput>();
  const of = (id: number) => {
    let m = byId.get(id);
    if (!m) {
      m = { id, done: false, note: null, movedTo: null };
      byId.set(id, m);
    }
    return m;
  };
  for (const [blockId, actionsOf] of Object.entries(values ?? {})) {
    const at = parseDutyBlock(blockId);
    const v = Object.values(actionsOf)[0];
    if (!at || !v) continue;
    const m = of(at.id);
    if (at.input === "status") m.done = v.selected_option?.value === "done";
    else if (at.input === "note") m.note = v.value ?? null;
    else m.movedTo = v.selected_option?.value ?? null;
  }
  return [...byId.values()];
}

export function dutyMarkErrors(
  problems: readonly DutyMarkProblem[],
  t: Translator,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems)
    out[dutyBlock(p.id, p.field)] ??= t(`duties.markError.${p.error}` as MessageKey, {
      max: MAX_PLAN_RESULT,
    });
  return out;
}

/** `owner`: the list's owner as mrkdwn (a mention, or the committee's name). */
export function dutyEditModal(form: DutyEditForm, owner: string, t: Translator): ModalView {
  const options = targetOptions(1, t);
  const blocks: KnownBlock[] = [section(t("duties.edit.intro", { year: form.year, owner }))];
  for (const r of form.rows) {
    const n = r.row + 1;
    const chosen = options.find((o) => o.value === r.target);
    blocks.push(
      ...targetRowInputs(r, options, chosen, (f) => {
        const input = DUTY_FIELD[f];
        return [dutyRowBlock(r.row, input), t(`duties.edit.${input}`, { n }), DUTY_ACTION[input]];
      }),
    );
  }
  return modal(
    DUTY_CALLBACK.edit,
    t("duties.edit.title"),
    JSON.stringify({ year: form.year, owner: form.owner }),
    blocks,
    t,
  );
}

export function parseEditMeta(raw: string | undefined): { year: number; owner: string } | null {
  try {
    const m = JSON.parse(raw ?? "") as { year?: unknown; owner?: unknown };
    if (Number.isInteger(m.year) && typeof m.owner === "string")
      return { year: m.year as number, owner: m.owner };
  } catch {}
  return null;
}

/** The editor's rows as typed (an input never touched reads as blank). */
export function readDutyRows(values: StateValues | undefined): RawPlanRow[] {
  const rows = new Map<number, RawPlanRow>();
  for (const [blockId, actionsOf] of Object.entries(values ?? {})) {
    const at = parseDutyRowBlock(blockId);
    const v = Object.values(actionsOf)[0];
    if (!at || !v) continue;
    const row = rows.get(at.row) ?? { row: at.row };
    rows.set(at.row, row);
    if (at.input === "duty") row.title = v.value ?? null;
    else if (at.input === "target") row.target = v.selected_option?.value ?? null;
    else row.expectedResult = v.value ?? null;
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

const FIELD: Record<PlanRowError["field"], DutyRowInput> = {
  title: "duty",
  target: "target",
  owner: "duty",
  expected: "result",
};

export function dutyEditErrors(
  errors: readonly PlanRowError[],
  t: Translator,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors)
    out[dutyRowBlock(e.row, FIELD[e.field])] ??= t(
      `annualPlans.rowError.${e.error}` as MessageKey,
      e.params ?? {},
    );
  return out;
}
