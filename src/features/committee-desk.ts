/** The committee's desk: `/pbb report` and the quarter-end summary with its chart. */
import { defineFeature } from "../app/feature.ts";
import { quarterSummaryJob } from "../jobs/reports/quarter-summary.ts";
import { reportSubcommand } from "../slack/listeners/reports/report-command.ts";

export const committeeDeskFeature = defineFeature({
  name: "committee-desk",
  subcommands: [reportSubcommand],
  jobs: [quarterSummaryJob],
});
