/** `/pbb study`'s answer: coming sessions, the person's record, the make-ups they owe. */
import type { KnownBlock } from "@slack/types";
import { formatDateTime, formatDay } from "../../../i18n/dates.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { PersonStudyRow, StudySummaryView } from "../../../ports/study.ts";
import { actions, button, context, header, section, truncate } from "../../blocks.ts";
import { STUDY_ACTION } from "../../ids/study.ts";
import { esc } from "../lecture/format.ts";

export const personRecordLine = (p: PersonStudyRow, t: Translator) =>
  t("study.record.person", {
    expected: p.expected,
    attended: p.attended,
    madeUp: p.madeUp,
    spoken: p.spoken,
    hours: p.hours,
  });

export function buildStudySummary(
  v: StudySummaryView,
  t: Translator,
): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [header(t("study.summary.header"))];
  const coming = v.upcoming.map(
    (s) =>
      `• ${t("study.summary.comingLine", {
        kind: t(`study.kind.${s.kind}`),
        topic: esc(truncate(s.topic, 100)),
        when: formatDateTime(s.startsAt, v.timezone, t),
      })}${s.expected ? ` ${t("study.summary.youExpected")}` : ""}`,
  );
  blocks.push(section(coming.length > 0 ? coming.join("\n") : t("study.summary.noneComing")));
  blocks.push(
    section(
      `${t("study.summary.mine", { year: v.year })}\n${v.mine ? personRecordLine(v.mine, t) : t("study.summary.noRecord")}`,
    ),
  );
  if (v.owed.length > 0) {
    const lines = v.owed.map(
      (o) =>
        `• ${t("study.summary.owedLine", { topic: esc(truncate(o.topic, 100)), due: formatDay(o.due, t) })}`,
    );
    blocks.push(section(`${t("study.summary.owed")}\n${lines.slice(0, 20).join("\n")}`));
    blocks.push(
      actions(
        undefined,
        v.owed.slice(0, 1).map((o) =>
          button(
            t("study.button.makeUpFor", { topic: truncate(o.topic, 40) }),
            STUDY_ACTION.openMakeUp,
            {
              value: String(o.sessionId),
            },
          ),
        ),
      ),
    );
  }
  if (v.canSchedule) {
    blocks.push(
      actions(undefined, [
        button(t("study.button.new"), STUDY_ACTION.openNew, { style: "primary" }),
      ]),
    );
  }
  blocks.push(context(t("study.summary.footer")));
  return { text: t("study.summary.header"), blocks };
}
