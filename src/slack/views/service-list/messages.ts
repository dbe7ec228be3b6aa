/**
 * The service list's messages: a report's acknowledgement, a secretary's query, the quarter's
 * nudge. Every typed text is escaped (the shared `esc`).
 */
import type { Translator } from "../../../i18n/index.ts";
import type {
  NudgeView,
  QueryDmView,
  ServiceMessage,
  ServiceReportView,
} from "../../../ports/service-list.ts";
import { actions, button, context, mention, section } from "../../blocks.ts";
import { SERVICE_ACTION, SERVICE_BLOCK } from "../../ids/service-list.ts";
import { esc } from "../tasklist/format.ts";

const categoryOf = (category: string, t: Translator) =>
  t(`serviceList.category.${category}` as never);

/** "2026-11-09 · Oak Lane · Policy consultation · 1.5 h — what was done (link)". */
export function reportLine(r: ServiceReportView, t: Translator, opts: { who?: boolean } = {}) {
  const head = [
    ...(opts.who ? [mention(r.userId)] : []),
    r.date,
    esc(r.community),
    categoryOf(r.category, t),
    t("serviceList.hours", { hours: r.hours }),
  ].join(" · ");
  const link = r.link ? ` <${r.link}|${t("serviceList.report.linkLabel")}>` : "";
  const file = !r.file
    ? ""
    : r.file.url
      ? ` <${r.file.url}|${esc(r.file.name)}>`
      : ` ${t("serviceList.report.fileLabel")}: ${esc(r.file.name)}`;
  return `${head} — ${esc(r.what)}${link}${file}`;
}

export function buildReportAck(r: ServiceReportView, t: Translator): ServiceMessage {
  const text = t("serviceList.report.ack", {
    date: r.date,
    community: esc(r.community),
    category: categoryOf(r.category, t),
    hours: r.hours,
    what: esc(r.what),
  });
  return { text, blocks: [section(text)] };
}

export function buildQueryDm(v: QueryDmView, t: Translator): ServiceMessage {
  const text = t("serviceList.query.dm", {
    secretary: mention(v.secretary),
    question: esc(v.question),
  });
  return {
    text,
    blocks: [
      section(text),
      context(reportLine(v.report, t)),
      context(t("serviceList.query.answerInThread")),
    ],
  };
}

export function buildNudgeDm(v: NudgeView, t: Translator): ServiceMessage {
  const text = t("serviceList.nudge.dm", { quarter: v.quarter });
  return {
    text,
    blocks: [
      section(text),
      actions(SERVICE_BLOCK.actions, [
        button(t("serviceList.button.report"), SERVICE_ACTION.openReport, { style: "primary" }),
      ]),
    ],
  };
}
