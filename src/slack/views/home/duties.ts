/**
 * The responsibility lists on the Home (at most 5 blocks): a committee member's counts with the
 * button to update their items; for a system admin, everyone's counts (the committee's list
 * first, then by overdue items) and the overdue items, a few rows each, and where the rest is.
 */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import type { DutyHomeView } from "../../../ports/responsibilities.ts";
import { actions, button, context, section } from "../../blocks.ts";
import { DUTY_ACTION, DUTY_BLOCK } from "../../ids/responsibilities.ts";
import { overviewLines } from "../responsibilities/overview.ts";

const ROWS_SHOWN = 5;

export function dutyHomeBlocks(v: DutyHomeView, t: Translator): KnownBlock[] {
  const head = `*${t("duties.home.header", { year: v.year })}*`;
  const blocks: KnownBlock[] = [
    section(v.mine ? `${head}\n${t("duties.home.mine", v.mine)}` : head),
  ];
  if (v.mine)
    blocks.push(actions(DUTY_BLOCK.homeActions, [button(t("duties.home.open"), DUTY_ACTION.open)]));
  if (v.overview) {
    const { counts, overdue } = overviewLines(v.overview, t, ROWS_SHOWN);
    if (overdue.length > 0) blocks.push(section(overdue.join("\n")));
    if (counts.length > 0) blocks.push(section(counts.join("\n")));
    blocks.push(context(t("duties.home.pointer")));
  }
  return blocks;
}
