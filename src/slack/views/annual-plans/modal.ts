/**
 * The plan modal: one plan, its rows in pages of PLAN_PAGE_SIZE (four inputs a row: within
 * Slack's 100 blocks a view), buttons to turn the page (the rows typed are kept in the draft
 * first), pre-filled from the draft, the returned revision or the plan in force. notify_on_close
 * keeps what was typed. And the committee's return modal (a comment is required).
 */
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import {
  MAX_PLAN_RESULT,
  MAX_PLAN_TITLE,
  PLAN_PAGE_SIZE,
  type PlanRowError,
  parseTarget,
  type RawPlanRow,
  targetEndMonth,
} from "../../../domain/annual-plan.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import {
  PLAN_PAGES as PAGES,
  type PlanForm,
  type PlanRecord,
} from "../../../ports/annual-plans.ts";
import { actions, button, context, input, modalView, option, section } from "../../blocks.ts";
import {
  PLAN_ACTION,
  PLAN_BLOCK,
  PLAN_CALLBACK,
  type PlanRowInput,
  parsePlanRowBlock,
  planRowBlock,
} from "../../ids/annual-plans.ts";
import { optionalInput, staticSelect, textBox, userPicker } from "../../inputs.ts";
import { esc, kindLabel, targetLabel } from "./format.ts";

export interface PlanModalMeta {
  planId: number;
  page: number;
}

export function parsePlanModalMeta(raw: string | undefined): PlanModalMeta | null {
  try {
    const m = JSON.parse(raw ?? "") as Partial<PlanModalMeta>;
    if (Number.isInteger(m.planId) && Number.isInteger(m.page))
      return { planId: m.planId as number, page: m.page as number };
  } catch {}
  return null;
}

/** The targets a plan may choose: the months from its first, then the quarters that end after. */
export function targetOptions(firstMonth: number, t: Translator): PlainTextOption[] {
  const out: PlainTextOption[] = [];
  for (let m = firstMonth; m <= 12; m++) out.push(option(targetLabel({ month: m }, t), `m${m}`));
  for (let q = 1; q <= 4; q++)
    if (targetEndMonth({ quarter: q }) >= firstMonth)
      out.push(option(targetLabel({ quarter: q }, t), `q${q}`));
  return out;
}

const pageRows = (page: number) =>
  Array.from({ length: PLAN_PAGE_SIZE }, (_, i) => page * PLAN_PAGE_SIZE + i);

/** Where one of a row's inputs goes: its block id, label and action id. */
type RowField = (input: "title" | "target" | "result") => [string, string, string];

/** A row's title, target and expected result: a plan's row, a responsibility list's row. */
export function targetRowInputs(
  r: RawPlanRow,
  options: PlainTextOption[],
  chosen: PlainTextOption | undefined,
  at: RowField,
): [InputBlock, InputBlock, InputBlock] {
  const field = (
    f: Parameters<RowField>[0],
    element: (actionId: string) => InputBlock["element"],
  ) => {
    const [blockId, label, actionId] = at(f);
    return optionalInput(blockId, label, element(actionId));
  };
  return [
    field("title", (a) => textBox(a, { max: MAX_PLAN_TITLE, initial: r.title })),
    field("target", (a) => staticSelect(a, options, chosen)),
    field("result", (a) => textBox(a, { max: MAX_PLAN_RESULT, initial: r.expectedResult })),
  ];
}

const PLAN_FIELD = { title: "title", target: "target", result: "expected" } as const;

function rowBlocks(plan: PlanRecord, r: RawPlanRow, t: Translator): KnownBlock[] {
  const n = r.row + 1;
  const options = targetOptions(plan.firstMonth, t);
  const chosen = options.find((o) => o.value === r.target && parseTarget(r.target));
  const [title, target, expected] = targetRowInputs(r, options, chosen, (f) => {
    const input = PLAN_FIELD[f];
    return [
      planRowBlock(r.row, input),
      t(`annualPlans.modal.${input}.label`, { n }),
      PLAN_ACTION[input],
    ];
  });
  const owner = optionalInput(
    planRowBlock(r.row, "owner"),
    t("annualPlans.modal.owner.label", { n }),
    userPicker(PLAN_ACTION.owner, r.owner),
  );
  return [title, target, owner, expected];
}

export function planModal(form: PlanForm, t: Translator): ModalView {
  const { plan, page } = form;
  const byRow = new Map(form.rows.map((r) => [r.row, r]));
  const blocks: KnownBlock[] = [
    section(
      t("annualPlans.modal.intro", {
        branch: esc(plan.branch.name),
        kind: kindLabel(plan, t),
        year: plan.year,
        max: PAGES * PLAN_PAGE_SIZE,
        size: PLAN_PAGE_SIZE,
      }),
    ),
  ];
  if (form.from) blocks.push(context(t(`annualPlans.modal.from.${form.from}` as MessageKey)));
  blocks.push(
    actions(
      PLAN_BLOCK.pages,
      Array.from({ length: PAGES }, (_, p) =>
        button(
          t("annualPlans.modal.page", {
            from: p * PLAN_PAGE_SIZE + 1,
            to: (p + 1) * PLAN_PAGE_SIZE,
          }),
          `${PLAN_ACTION.page}_${p}`,
          { value: String(p), ...(p === page ? { style: "primary" as const } : {}) },
        ),
      ),
    ),
  );
  for (const row of pageRows(page)) blocks.push(...rowBlocks(plan, byRow.get(row) ?? { row }, t));
  const view = modalView({
    callbackId: PLAN_CALLBACK.planModal,
    title: t("annualPlans.modal.title"),
    submit: t("annualPlans.modal.submit"),
    close: t("annualPlans.modal.close"),
    metadata: JSON.stringify({ planId: plan.id, page } satisfies PlanModalMeta),
    blocks,
  });
  // Closing keeps what was typed as the draft.
  return { ...view, notify_on_close: true };
}

type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value?: string } | null;
      selected_user?: string | null;
    }
  >
>;

/** The rows of the page on screen, as typed (an input never touched reads as blank). */
export function readPlanRows(values: StateValues | undefined, page: number): RawPlanRow[] {
  const rows = new Map<number, RawPlanRow>(pageRows(page).map((row) => [row, { row }]));
  for (const [blockId, actionsOf] of Object.entries(values ?? {})) {
    const at = parsePlanRowBlock(blockId);
    const row = at ? rows.get(at.row) : undefined;
    if (!at || !row) continue;
    const v = Object.values(actionsOf)[0];
    if (!v) continue;
    const set: Record<PlanRowInput, () => void> = {
      title: () => {
        row.title = v.value ?? null;
      },
      target: () => {
        row.target = v.selected_option?.value ?? null;
      },
      owner: () => {
        row.owner = v.selected_user ?? null;
      },
      expected: () => {
        row.expectedResult = v.value ?? null;
      },
    };
    set[at.input]();
  }
  return [...rows.values()];
}

const ERROR_BLOCK: Record<PlanRowError["field"], PlanRowInput> = {
  title: "title",
  target: "target",
  owner: "owner",
  expected: "expected",
};

/**
 * The row errors as Slack's `response_action: errors`: on their field when the row is on the
 * page on screen; the others (rows on other pages) named on the page's first title field.
 */
export function rowErrors(
  errors: readonly PlanRowError[],
  page: number,
  t: Translator,
): Record<string, string> {
  const out: Record<string, string> = {};
  const onPage = new Set(pageRows(page));
  const elsewhere: string[] = [];
  for (const e of errors) {
    const text = t(`annualPlans.rowError.${e.error}` as MessageKey, e.params ?? {});
    if (onPage.has(e.row)) {
      const block = planRowBlock(e.row, ERROR_BLOCK[e.field]);
      out[block] ??= text;
    } else
      elsewhere.push(
        t("annualPlans.modal.otherPage", {
          n: e.row + 1,
          page: Math.floor(e.row / PLAN_PAGE_SIZE) + 1,
          error: text,
        }),
      );
  }
  if (elsewhere.length > 0) {
    const first = planRowBlock(page * PLAN_PAGE_SIZE, "title");
    out[first] = [out[first], ...elsewhere].filter(Boolean).join(" ").slice(0, 1900);
  }
  return out;
}

export function planReturnModal(
  ref: { planId: number; revision: number },
  plan: PlanRecord,
  t: Translator,
): ModalView {
  return modalView({
    callbackId: PLAN_CALLBACK.returnModal,
    title: t("annualPlans.return.title"),
    submit: t("annualPlans.return.submit"),
    close: t("annualPlans.modal.close"),
    metadata: JSON.stringify(ref),
    blocks: [
      section(`*${esc(plan.branch.name)}* · ${kindLabel(plan, t)} · ${plan.year}`),
      input(
        PLAN_BLOCK.returnComment,
        t("annualPlans.return.comment"),
        textBox(PLAN_ACTION.returnComment, { multiline: true, max: 1000 }),
      ),
    ],
  });
}

export function parseReturnMeta(
  raw: string | undefined,
): { planId: number; revision: number } | null {
  try {
    const m = JSON.parse(raw ?? "") as { planId?: unknown; revision?: unknown };
    if (Number.isInteger(m.planId) && Number.isInteger(m.revision))
      return { planId: m.planId as number, revision: m.revision as number };
  } catch {}
  return null;
}

export const readReturnComment = (values: StateValues | undefined): string =>
  values?.[PLAN_BLOCK.returnComment]?.[PLAN_ACTION.returnComment]?.value?.trim() ?? "";
