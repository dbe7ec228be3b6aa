/**
 * What the reports' presenter (src/slack/views/reports/present.ts) is given: the report as
 * loaded (domain/report.ts) and the org's translator. The quarter-end job's use case renders its
 * committee message through the presenter it was given, never through a view of its own.
 */
import type { Report } from "../domain/report.ts";
import type { Translator } from "../i18n/index.ts";

export interface ReportsPresenter {
  /** The committee's quarter summary as mrkdwn: the totals, one line per branch. */
  quarterSummary(report: Report, t: Translator): string;
}

/** What a reports use case that writes a message is given. */
export interface ReportsPresenting {
  presenters: { reports: ReportsPresenter };
}
