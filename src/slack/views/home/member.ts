/** A member's section of the Home: the next lecture turn, and their branch's approved list. */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, header, section } from "../../blocks.ts";
import { HOME_ACTION, HOME_BLOCK } from "../../ids/home.ts";
import { formatWhen } from "../lecture/format.ts";
import { lines, periodLabel } from "../tasklist/format.ts";
import { esc, mention } from "./format.ts";
import type { MemberModel, MemberPlanModel, NextTurnModel } from "./model.ts";
import { planLine } from "./secretary.ts";
import { turnValue } from "./values.ts";

function turnBlocks(turn: NextTurnModel, tz: string, t: Translator): KnownBlock[] {
  const text = [
    t("home.member.turn", { when: formatWhen(turn.startsAt, tz, t) }),
    t(turn.confirmed ? "home.member.confirmed" : "home.member.unconfirmed"),
    ...(turn.topic ? [t("home.member.topic", { topic: esc(turn.topic) })] : []),
    ...(turn.swapPendingWith
      ? [t("home.member.swapPending", { who: mention(turn.swapPendingWith) })]
      : []),
  ].join("\n");
  const value = turnValue(turn.turnId);
  const buttons = [
    ...(turn.confirmed
      ? []
      : [button(t("home.button.confirm"), HOME_ACTION.confirmTurn, { value, style: "primary" })]),
    ...(turn.swapPendingWith
      ? []
      : [button(t("home.button.swap"), HOME_ACTION.swapTurn, { value })]),
  ];
  return [section(text), ...(buttons.length ? [actions(HOME_BLOCK.turn, buttons)] : [])];
}

function planBlock(p: MemberPlanModel, t: Translator): KnownBlock {
  const title = t("home.member.plan", {
    branch: esc(p.branchName),
    month: periodLabel(p.period, t),
  });
  if (!p.items) return section(`${title}\n${t("home.member.noPlan")}`);
  return section(
    `${title}\n${lines(
      p.items.map((i) => planLine(i, t)),
      2800,
    )}`,
  );
}

export function memberBlocks(m: MemberModel, tz: string, t: Translator): KnownBlock[] {
  const blocks: KnownBlock[] = [header(t("home.member.header"))];
  if (m.nextTurn) blocks.push(...turnBlocks(m.nextTurn, tz, t));
  else if (m.lectureHall) blocks.push(section(t("home.member.noTurn")));
  blocks.push(...m.plans.map((p) => planBlock(p, t)));
  return blocks;
}
