/**
 * The quarter check's DM to a committee member: their items and the committee's targeted in the
 * quarter, overdue first, and the button that opens the mark modal (reason and new target for
 * an overdue item).
 */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import type { DutyCheckMessage, DutyCheckPresenter } from "../../../ports/responsibilities.ts";
import { actions, button, header, section, truncate } from "../../blocks.ts";
import { DUTY_ACTION, DUTY_BLOCK } from "../../ids/responsibilities.ts";
import { chunks, esc, targetLabel } from "../annual-plans/format.ts";
import { ownerText } from "./overview.ts";

const MARK = { overdue: "🔴", "in-progress": "🟡", done: "✅" } as const;
const ORDER = { overdue: 0, "in-progress": 1, done: 2 } as const;

export function dutyCheckDm(m: DutyCheckMessage, t: Translator) {
  const text = t("duties.check.text", {
    year: m.year,
    quarter: m.quarter,
    done: m.done,
    inProgress: m.inProgress,
    overdue: m.overdue,
  });
  const lines = [...m.items]
    .sort((a, b) => ORDER[a.standing] - ORDER[b.standing])
    .map((d) =>
      t("duties.check.line", {
        mark: MARK[d.standing],
        duty: `${d.owner === "committee" ? `${ownerText(d.owner, t)} · ` : ""}${esc(truncate(d.duty, 150))}`,
        target: targetLabel(d.target, t),
      }),
    );
  const blocks: KnownBlock[] = [
    header(t("duties.check.header", { year: m.year, quarter: m.quarter })),
    section(text),
    ...chunks(lines).map((c) => section(c)),
    actions(DUTY_BLOCK.checkActions, [
      button(t("duties.home.open"), DUTY_ACTION.open, { style: "primary" }),
    ]),
  ];
  return { text, blocks };
}

export const dutyCheckPresenter: DutyCheckPresenter = { checkDm: dutyCheckDm };
