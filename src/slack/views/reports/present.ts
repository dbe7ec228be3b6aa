/** The reports' presenter: what their use cases are given to render their messages. */
import type { ReportsPresenter } from "../../../ports/reports.ts";
import { buildQuarterSummaryText } from "./summary.ts";

export const reportsPresenter: ReportsPresenter = {
  quarterSummary: buildQuarterSummaryText,
};
