/** Small renderers the Home's sections share. */
import { percentText } from "../../../domain/percent.ts";
import type { Translator } from "../../../i18n/index.ts";
import { mention } from "../../blocks.ts";
import { esc } from "../tasklist/format.ts";
import type { BranchState } from "./model.ts";

export const STATE_EMOJI: Record<BranchState, string> = {
  overdue: "🔴",
  "not-submitted": "⚪",
  submitted: "🟡",
  returned: "🟠",
  approved: "🟢",
};

export const stateLabel = (state: BranchState, t: Translator): string =>
  `${STATE_EMOJI[state]} ${t(`home.state.${state}`)}`;

/** Names joined until `max` characters, then "+N more". */
export function nameList(names: readonly string[], t: Translator, max = 600): string {
  let out = "";
  for (const [i, name] of names.entries()) {
    const next = out === "" ? esc(name) : `${out}${t("home.list.separator")}${esc(name)}`;
    if (next.length > max) return `${out} ${t("home.list.more", { count: names.length - i })}`;
    out = next;
  }
  return out;
}

/** "67%" for 2 of 3, "—" for 0 of 0: the one rounding rule (src/domain/percent.ts). */
export const percent = (part: number, whole: number): string =>
  percentText(whole === 0 ? null : part / whole);

export { esc, mention };
