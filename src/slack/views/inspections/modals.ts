/**
 * The inspections' modals: the checklist (a score per item with its maximum and hint, a note,
 * findings in slots: what is wrong, severity, suggested fix), "report done" (what was done and
 * evidence) and "reopen" (the comment). Each reader returns the clean value, or the errors on
 * the fields at fault for `response_action: "errors"` (nothing is stored then).
 */
import type { KnownBlock, ModalView } from "@slack/types";
import { scoreError } from "../../../domain/inspection-round.ts";
import { SEVERITIES, type Severity } from "../../../domain/rectification.ts";
import { formatDay } from "../../../i18n/dates.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type {
  ChecklistForm,
  FindingValues,
  RectificationView,
} from "../../../ports/inspections.ts";
import { context, input, modalView, option, plain, section } from "../../blocks.ts";
import {
  INSPECTION_ACTION as A,
  INSPECTION_BLOCK as B,
  FINDING_SLOTS,
  INSPECTION_CALLBACK,
} from "../../ids/inspections.ts";
import type { ModalValues } from "../../inputs.ts";
import { esc, periodLabel } from "../tasklist/format.ts";
import { itemHint, itemTitle, kindName, severityName } from "./present.ts";

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export const TEXT_MAX = 1000;

function modal(
  callbackId: string,
  title: string,
  metadata: string,
  blocks: KnownBlock[],
  t: Translator,
  extra: Partial<ModalView> = {},
): ModalView {
  const [submit, close] = [t("inspections.modal.submit"), t("inspections.modal.close")];
  const view = modalView({
    callbackId,
    title: title.slice(0, 24),
    submit,
    close,
    metadata,
    blocks,
  });
  return { ...view, ...extra };
}

const text = (
  action: string,
  opts: { initial?: string; multiline?: boolean; max?: number; placeholder?: string } = {},
) => ({
  type: "plain_text_input" as const,
  action_id: action,
  multiline: opts.multiline ?? false,
  max_length: opts.max ?? TEXT_MAX,
  ...(opts.initial ? { initial_value: opts.initial } : {}),
  ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
});

export function buildChecklistModal(f: ChecklistForm, t: Translator): ModalView {
  const severities = SEVERITIES.map((s) => option(severityName(t, s), s));
  const blocks: KnownBlock[] = [
    section(
      t("inspections.checklist.intro", {
        kind: kindName(t, f.kind),
        period: periodLabel(f.period, t),
        branch: esc(f.branch),
        closes: formatDay(f.closesOn, t),
      }),
    ),
  ];
  if (f.amending) {
    blocks.push(
      context(t("inspections.checklist.amendIntro", { closes: formatDay(f.closesOn, t) })),
      input(B.reason, t("inspections.checklist.reason"), text(A.reason, { max: 500 })),
    );
  }
  for (const item of f.items) {
    const hint = itemHint(t, item);
    blocks.push(
      input(
        B.score(item.key),
        t("inspections.checklist.score", { item: itemTitle(t, item), max: item.maxScore }),
        text(A.score, { initial: f.draft?.scores[item.key] ?? "", max: 8 }),
        hint ? { hint: plain(hint.slice(0, 2000)) } : {},
      ),
    );
  }
  blocks.push(
    input(
      B.note,
      t("inspections.checklist.note"),
      text(A.note, {
        initial: f.draft?.note ?? "",
        multiline: true,
      }),
      { optional: true },
    ),
  );
  for (let slot = 0; slot < FINDING_SLOTS; slot += 1) {
    const d = f.draft?.findings[slot];
    const initial = severities.find((o) => o.value === (d?.severity ?? "general"));
    blocks.push(
      input(
        B.problem(slot),
        t("inspections.checklist.problem", { n: slot + 1 }),
        text(A.problem, { initial: d?.problem ?? "", multiline: true }),
        { optional: true },
      ),
      input(
        B.severity(slot),
        t("inspections.checklist.severity", { n: slot + 1 }),
        {
          type: "static_select",
          action_id: A.severity,
          options: severities,
          ...(initial ? { initial_option: initial } : {}),
        },
        { optional: true },
      ),
      input(
        B.suggestion(slot),
        t("inspections.checklist.suggestion", { n: slot + 1 }),
        text(A.suggestion, { initial: d?.suggestion ?? "" }),
        { optional: true },
      ),
    );
  }
  return modal(
    INSPECTION_CALLBACK.checklist,
    t("inspections.checklist.title"),
    String(f.assignmentId),
    blocks,
    t,
    { notify_on_close: true },
  );
}

const typed = (v: ModalValues, block: string, action: string) =>
  (v[block]?.[action]?.value ?? "").trim();

export interface ChecklistValues {
  scores: Record<string, string>;
  note: string;
  /** Each with its slot (an amendment matches the slot to the item shown there). */
  findings: (FindingValues & { slot: number })[];
  reason: string;
}

/** Everything typed, checked or not (a draft keeps it as it is). */
export function readChecklistRaw(values: ModalValues, f: ChecklistForm): ChecklistValues {
  const findings: ChecklistValues["findings"] = [];
  for (let slot = 0; slot < FINDING_SLOTS; slot += 1) {
    const severity = values[B.severity(slot)]?.[A.severity]?.selected_option?.value;
    findings.push({
      slot,
      problem: typed(values, B.problem(slot), A.problem),
      severity: SEVERITIES.includes(severity as Severity) ? (severity as Severity) : "general",
      suggestion: typed(values, B.suggestion(slot), A.suggestion),
    });
  }
  return {
    scores: Object.fromEntries(f.items.map((i) => [i.key, typed(values, B.score(i.key), A.score)])),
    note: typed(values, B.note, A.note),
    findings,
    reason: typed(values, B.reason, A.reason),
  };
}

/** The checklist, checked: each score within its item's maximum, each finding with text. */
export function readChecklist(
  values: ModalValues,
  f: ChecklistForm,
  t: Translator,
): Validation<ChecklistValues> {
  const raw = readChecklistRaw(values, f);
  const errors: Record<string, string> = {};
  for (const item of f.items) {
    const error = scoreError(raw.scores[item.key], item);
    if (error) errors[B.score(item.key)] = t(`inspections.score.${error}`, { max: item.maxScore });
  }
  raw.findings.forEach((finding, slot) => {
    if (finding.problem === "" && finding.suggestion !== "") {
      errors[B.problem(slot)] = t("inspections.error.finding-without-text");
    }
  });
  if (f.amending && raw.reason === "") {
    errors[B.reason] = t("inspections.error.amend-reason-required");
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...raw, findings: raw.findings.filter((x) => x.problem !== "") } };
}

/** A modal about one rectification item: its problem, then the inputs. */
const itemModal = (
  callbackId: string,
  title: string,
  v: RectificationView,
  inputs: KnownBlock[],
  t: Translator,
): ModalView => modal(callbackId, title, String(v.id), [section(esc(v.problem)), ...inputs], t);

/** Each text field typed, or the catalog's error on each one left empty. */
function required<K extends string>(
  values: ModalValues,
  fields: Record<K, { block: string; action: string; error: MessageKey }>,
  t: Translator,
): Validation<Record<K, string>> {
  const value = {} as Record<K, string>;
  const errors: Record<string, string> = {};
  for (const [name, f] of Object.entries(fields) as [K, (typeof fields)[K]][]) {
    value[name] = typed(values, f.block, f.action);
    if (value[name] === "") errors[f.block] = t(f.error);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

export const buildDoneModal = (v: RectificationView, t: Translator): ModalView =>
  itemModal(
    INSPECTION_CALLBACK.done,
    t("inspections.done.title"),
    v,
    [
      input(B.doneText, t("inspections.done.what"), text(A.doneText, { multiline: true })),
      input(
        B.evidence,
        t("inspections.done.evidence"),
        text(A.evidence, { multiline: true, placeholder: t("inspections.done.evidenceHint") }),
      ),
    ],
    t,
  );

export const readDone = (values: ModalValues, t: Translator) =>
  required(
    values,
    {
      doneText: { block: B.doneText, action: A.doneText, error: "inspections.error.done-required" },
      evidence: {
        block: B.evidence,
        action: A.evidence,
        error: "inspections.error.evidence-required",
      },
    },
    t,
  );

export const buildReopenModal = (v: RectificationView, t: Translator): ModalView =>
  itemModal(
    INSPECTION_CALLBACK.reopen,
    t("inspections.reopen.title"),
    v,
    [input(B.comment, t("inspections.reopen.comment"), text(A.comment, { multiline: true }))],
    t,
  );

export function readComment(values: ModalValues, t: Translator): Validation<string> {
  const read = required(
    values,
    {
      comment: { block: B.comment, action: A.comment, error: "inspections.error.comment-required" },
    },
    t,
  );
  return read.ok ? { ok: true, value: read.value.comment } : read;
}

export const buildReassignModal = (v: RectificationView, t: Translator): ModalView =>
  itemModal(
    INSPECTION_CALLBACK.reassign,
    t("inspections.reassign.title"),
    v,
    [
      input(B.owner, t("inspections.reassign.owner"), {
        type: "users_select",
        action_id: A.owner,
        initial_user: v.owner,
      }),
    ],
    t,
  );

export function readOwner(values: ModalValues, t: Translator): Validation<string> {
  const owner = values[B.owner]?.[A.owner]?.selected_user ?? "";
  return owner === ""
    ? { ok: false, errors: { [B.owner]: t("inspections.reassign.required") } }
    : { ok: true, value: owner };
}

/** The admin's change of an assignment: round, branch key, inspector (member or branch key). */
export function buildSwapModal(
  rounds: { key: string; kind: string; period: string }[],
  t: Translator,
): ModalView {
  const options = rounds.map((r) =>
    option(`${periodLabel(r.period, t)} ${kindName(t, r.kind)}`, r.key),
  );
  return modal(
    INSPECTION_CALLBACK.swap,
    t("inspections.swap.title"),
    "",
    [
      input(B.round, t("inspections.swap.round"), {
        type: "static_select",
        action_id: A.round,
        options,
        ...(options[0] ? { initial_option: options[0] } : {}),
      }),
      input(B.branch, t("inspections.swap.branch"), text(A.branch, { max: 100 })),
      input(B.inspector, t("inspections.swap.inspector"), text(A.inspector, { max: 100 }), {
        hint: plain(t("inspections.swap.inspectorHint")),
      }),
    ],
    t,
  );
}

export function readSwap(values: ModalValues): {
  roundKey: string;
  branchKey: string;
  inspector: string;
} {
  const mention = /^<@([A-Z0-9]+)(\|[^>]*)?>$/.exec(typed(values, B.inspector, A.inspector));
  return {
    roundKey: values[B.round]?.[A.round]?.selected_option?.value ?? "",
    branchKey: typed(values, B.branch, A.branch),
    inspector: mention?.[1] ?? typed(values, B.inspector, A.inspector),
  };
}
