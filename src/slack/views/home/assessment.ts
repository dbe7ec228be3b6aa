/**
 * The annual assessment on the Home: for the committee the year's state, the ranking's top and
 * the remarks and contests awaiting an answer (the oldest with its Answer button); for a secretary their
 * branch's total, grade and rank and the remarks on its card. At most 8 blocks; the whole
 * ranking is `/pbb assessment`, every point's evidence the report.
 */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import type { AssessmentHomeView } from "../../../ports/assessment.ts";
import { actions, button, context, header, section, truncate } from "../../blocks.ts";
import { ASSESSMENT_ACTION } from "../../ids/assessment.ts";
import { gradeText } from "../assessment/present.ts";
import { esc } from "./format.ts";

const BRANCHES_SHOWN = 2;
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export function assessmentBlocks(v: AssessmentHomeView, t: Translator): KnownBlock[] {
  const state = t(`assessment.summary.state.${v.state}`);
  const blocks: KnownBlock[] = [header(t("assessment.home.header", { year: v.year }))];
  const c = v.committee;
  if (c) {
    const top = c.top.map((r) =>
      t("assessment.home.top", {
        rank: r.rank,
        branch: esc(r.branchName),
        total: num(r.total),
        grade: gradeText(r.grade, t),
      }),
    );
    blocks.push(
      section(
        [
          t("assessment.home.committee", {
            year: v.year,
            state,
            count: v.count,
            ungraded: c.ungraded,
          }),
          ...top,
        ].join("\n"),
      ),
    );
    if (c.openCount > 0) {
      const lines = c.open.map((r) =>
        t("assessment.home.openLine", {
          id: r.id,
          kind: t(`assessment.remark.kind.${r.kind}`),
          branch: esc(r.branchName),
          text: esc(truncate(r.text, 120)),
        }),
      );
      blocks.push(
        section([t("assessment.home.open", { count: c.openCount }), ...lines].join("\n")),
        // One Answer button (an action id once per block): the oldest; the others follow it.
        ...c.open.slice(0, 1).map((r) =>
          actions(undefined, [
            button(t("assessment.home.answer", { id: r.id }), ASSESSMENT_ACTION.openAnswer, {
              value: String(r.id),
              style: "primary",
            }),
          ]),
        ),
      );
    }
  }
  for (const b of v.branches.slice(0, BRANCHES_SHOWN)) {
    blocks.push(
      section(
        t("assessment.home.branch", {
          branch: esc(b.name),
          state,
          total: num(b.total),
          partyBuilding: num(b.partyBuilding),
          grade: gradeText(b.grade, t),
          rank: b.rank,
          count: v.count,
          open: b.open,
          answered: b.answered,
        }),
      ),
    );
  }
  blocks.push(context(t("assessment.home.footer")));
  return blocks;
}
