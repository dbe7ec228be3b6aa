/**
 * `lectures`: the lecture hall's sessions in a period, one row each — date, number, whether it
 * was held, its speakers and their topics. A session past its start counts as held unless an
 * admin recorded it as not held (as `/pbb lectures` counts it).
 */
import { activeTurns, personNames, sessionsBetween } from "../../db/repositories/lecture.ts";
import type { MessageKey } from "../../i18n/index.ts";
import type { ReportDefinition } from "../reports/definition.ts";
import { formatAsOf } from "../reports/format.ts";
import { plainTableFiles } from "../reports/plain-table.ts";
import { LECTURE_SERIES } from "./series.ts";
import { wasHeld } from "./summary.ts";

export const lecturesReport: ReportDefinition = {
  kind: "lectures",
  async build(db, org, period, asOf, t) {
    const sessions = await sessionsBetween(db, LECTURE_SERIES, period.first, period.last);
    const names = await personNames(
      db,
      sessions.flatMap((s) => activeTurns(s).map((turn) => turn.userId)),
    );
    const statusOf = (s: (typeof sessions)[number]): MessageKey => {
      if (wasHeld(s, asOf)) return "reports.lectures.status.held";
      if (s.status === "NOT_HELD") return "reports.lectures.status.notHeld";
      if (s.status === "SKIPPED") return "reports.lectures.status.skipped";
      return "reports.lectures.status.scheduled";
    };
    const rows = sessions.map((s) => {
      const turns = activeTurns(s);
      return [
        s.date,
        s.seq,
        t(statusOf(s)),
        turns.map((turn) => names.get(turn.userId) ?? turn.userId).join("; "),
        turns.flatMap((turn) => (turn.topic ? [turn.topic] : [])).join("; "),
      ];
    });
    const asOfText = formatAsOf(asOf, org.timezone);
    const files = await plainTableFiles({
      baseName: `pbb-lectures-${period.key}`,
      title: t("reports.lectures.title", { period: period.key }),
      sheetName: t("reports.lectures.sheet"),
      heading: t("reports.lectures.heading", { org: org.name, period: period.key }),
      asOf: t("reports.sheet.asOf", { asOf: asOfText, tz: org.timezone }),
      createdAt: asOf,
      header: [
        t("reports.lectures.col.date"),
        t("reports.lectures.col.seq"),
        t("reports.lectures.col.status"),
        t("reports.lectures.col.speakers"),
        t("reports.lectures.col.topics"),
      ],
      rows,
    });
    return {
      files,
      empty: sessions.length === 0,
      comment: t("reports.lectures.dm", {
        period: period.key,
        asOf: asOfText,
        sessions: sessions.length,
        held: sessions.filter((s) => wasHeld(s, asOf)).length,
      }),
    };
  },
};
