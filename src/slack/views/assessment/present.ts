/**
 * The assessment's messages (issue 22): the committee's summary with the ranking, and a branch's
 * card where every computed point shows the records behind it (the evidence rows, with links to
 * the Slack messages). Typed text (branch names, item titles, remarks) is escaped.
 */
import { addDays } from "../../../domain/calendar.ts";
import { localDateOf } from "../../../domain/period.ts";
import { formatDay } from "../../../i18n/dates.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type {
  AssessmentMessage,
  AssessmentPresenter,
  CardView,
  EvidenceRow,
  IndicatorView,
  RemarkView,
  YearView,
} from "../../../ports/assessment.ts";
import {
  actions,
  button,
  context,
  divider,
  type KnownBlock,
  section,
  truncate,
} from "../../blocks.ts";
import { ASSESSMENT_ACTION, ASSESSMENT_BLOCK } from "../../ids/assessment.ts";
import { esc, lines } from "../tasklist/format.ts";

/** Evidence rows shown per indicator on a card; the report has them all. */
export const EVIDENCE_SHOWN = 6;
const MAX_BLOCKS = 48;

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function escParams(params: EvidenceRow["params"]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = typeof v === "string" ? esc(v) : v;
  return out;
}

/** One evidence row in mrkdwn: ✅/⚠️, its text in the org's language, a link to the message. */
export function evidenceLine(row: EvidenceRow, t: Translator): string {
  const text = t(row.key as MessageKey, escParams(row.params));
  const link = row.link ? ` <${row.link}|${t("assessment.card.link")}>` : "";
  return `${row.ok ? "✅" : "⚠️"} ${text}${link}`;
}

export function indicatorLabel(
  ind: Pick<IndicatorView, "labelKey" | "name" | "key">,
  t: Translator,
) {
  if (ind.labelKey) return t(ind.labelKey as MessageKey);
  return esc(ind.name ?? ind.key);
}

export const gradeText = (grade: string | null, t: Translator): string =>
  t(`assessment.grade.${grade ?? "none"}` as MessageKey);

function ruleText(card: CardView, t: Translator): string {
  const c = card.card;
  if (c.rule !== "awaiting-scores") return t(`assessment.rule.${c.rule}`);
  const missing = [
    ...card.indicators.filter((i) => c.pending.includes(i.key)).map((i) => indicatorLabel(i, t)),
    ...(c.effectiveness === null ? [t("assessment.missing.effectiveness")] : []),
  ];
  return t("assessment.rule.awaiting-scores", { missing: missing.join(", ") });
}

function indicatorBlock(ind: IndicatorView, t: Translator): string {
  const detail =
    ind.kind === "computed"
      ? ind.status === "not-applicable"
        ? ` — ${t("assessment.status.not-applicable")}`
        : t("assessment.card.detail", { achieved: ind.achieved ?? 0, expected: ind.expected ?? 0 })
      : ind.status === "pending"
        ? ` — ${t("assessment.status.pending")}`
        : ` — ${t("assessment.manual")}`;
  const head = t("assessment.card.indicator", {
    label: indicatorLabel(ind, t),
    points: num(ind.points),
    weight: num(ind.weight),
    detail,
  });
  // The rows that cost points first: they are what a secretary looks for.
  const sorted = [...ind.evidence].sort((a, b) => Number(a.ok) - Number(b.ok));
  const shown = sorted.slice(0, EVIDENCE_SHOWN).map((r) => `    ${evidenceLine(r, t)}`);
  if (sorted.length > EVIDENCE_SHOWN) {
    shown.push(`    ${t("assessment.evidence.more", { count: sorted.length - EVIDENCE_SHOWN })}`);
  }
  const correction = ind.correction
    ? [`    ✏️ ${t("assessment.card.corrected", { reason: esc(ind.correction) })}`]
    : [];
  return lines([head, ...correction, ...shown]);
}

function scoresLine(view: YearView, card: CardView, t: Translator): string {
  const c = card.card;
  const w = view.rules.partyBuildingWeight;
  return t("assessment.card.scores", {
    partyBuilding: num(c.partyBuilding),
    pbGrade: gradeText(c.partyBuildingGrade, t),
    pbWeight: num(w),
    pbShare: num(c.partyBuildingShare),
    effectiveness: c.effectiveness === null ? "—" : num(c.effectiveness),
    effWeight: num(Math.round((1 - w) * 100) / 100),
    effShare: num(c.effectivenessShare),
    total: num(c.total),
    rank: card.rank,
    count: view.cards.length,
  });
}

export function assessmentPresenter(t: Translator, timezone: string): AssessmentPresenter {
  const state = (view: YearView) => t(`assessment.summary.state.${view.state}`);
  return {
    summary(view): AssessmentMessage {
      const rows = view.cards.map((c) =>
        t("assessment.summary.line", {
          rank: c.rank,
          branch: esc(c.branchName),
          total: num(c.card.total),
          partyBuilding: num(c.card.partyBuilding),
          pbGrade: gradeText(c.card.partyBuildingGrade, t),
          grade:
            gradeText(c.card.grade, t) +
            (c.card.advancedCandidate ? ` · ${t("assessment.advanced")}` : ""),
        }),
      );
      const blocks: KnownBlock[] = [
        section(
          t("assessment.summary.title", {
            year: view.year,
            state: state(view),
            count: view.cards.length,
          }),
        ),
      ];
      let chunk: string[] = [];
      const flush = () => {
        if (chunk.length > 0 && blocks.length < MAX_BLOCKS) blocks.push(section(chunk.join("\n")));
        chunk = [];
      };
      for (const row of rows) {
        if ([...chunk, row].join("\n").length > 2900) flush();
        chunk.push(row);
      }
      flush();
      blocks.push(context(t("assessment.summary.cardsSent")));
      if (view.state === "draft") {
        const year = String(view.year);
        blocks.push(
          actions(ASSESSMENT_BLOCK.summaryActions, [
            button(t("assessment.button.score"), ASSESSMENT_ACTION.openScore, { value: year }),
            button(t("assessment.button.finalize"), ASSESSMENT_ACTION.openFinalize, {
              value: year,
              style: "primary",
            }),
          ]),
        );
      }
      return {
        text: t("assessment.summary.text", { year: view.year, count: view.cards.length }),
        blocks,
      };
    },
    card(view, card): AssessmentMessage {
      const blocks: KnownBlock[] = [
        section(
          t("assessment.card.title", {
            branch: esc(card.branchName),
            year: view.year,
            state: state(view),
          }),
        ),
        section(scoresLine(view, card, t)),
        section(
          `${t("assessment.card.grade", { grade: gradeText(card.card.grade, t), rule: ruleText(card, t) })}${card.card.advancedCandidate ? ` · ${t("assessment.advanced")}` : ""}`,
        ),
      ];
      if (card.midYear) {
        blocks.push(
          context(t("assessment.card.midYear", { from: card.fromPeriod, to: card.toPeriod })),
        );
      }
      blocks.push(divider());
      for (const ind of card.indicators) blocks.push(section(indicatorBlock(ind, t)));
      const remarks = card.remarks.map((r) =>
        t(r.answer === null ? "assessment.remark.line" : "assessment.remark.answered", {
          id: r.id,
          kind: t(`assessment.remark.kind.${r.kind}`),
          text: esc(r.text),
          answer: esc(r.answer ?? ""),
        }),
      );
      if (remarks.length > 0) blocks.push(section(lines(remarks)));
      const tail: KnownBlock[] = [];
      if (view.state === "draft") {
        const until = addDays(localDateOf(view.asOf, timezone), view.rules.contestDays);
        const value = `${view.year}:${card.branchKey}`;
        tail.push(
          context(t("assessment.card.contestHint", { until: formatDay(until, t) })),
          actions(ASSESSMENT_BLOCK.cardActions, [
            button(t("assessment.button.remark"), ASSESSMENT_ACTION.openRemark, { value }),
            button(t("assessment.button.contest"), ASSESSMENT_ACTION.openContest, { value }),
          ]),
        );
      }
      return {
        text: truncate(
          t("assessment.card.text", {
            branch: esc(card.branchName),
            year: view.year,
            partyBuilding: num(card.card.partyBuilding),
          }),
          3000,
        ),
        blocks: [...blocks.slice(0, 50 - tail.length), ...tail],
      };
    },
    remarkNotice(view, card, remark: RemarkView): AssessmentMessage {
      const ind = card.indicators.find((i) => i.key === remark.indicator);
      const params = {
        branch: esc(card.branchName),
        kind: t(`assessment.remark.kind.${remark.kind}`),
        id: remark.id,
      };
      return {
        text: t("assessment.notice.text", params),
        blocks: [
          section(
            t("assessment.notice.remark", {
              ...params,
              user: remark.by,
              indicator: ind
                ? t("assessment.notice.indicator", { label: indicatorLabel(ind, t) })
                : "",
              text: esc(remark.text),
            }),
          ),
          context(
            t("assessment.summary.title", {
              year: view.year,
              state: state(view),
              count: view.cards.length,
            }),
          ),
          actions(ASSESSMENT_BLOCK.remarkActions, [
            button(t("assessment.button.answer"), ASSESSMENT_ACTION.openAnswer, {
              value: String(remark.id),
              style: "primary",
            }),
          ]),
        ],
      };
    },
  };
}
