/**
 * Inspections and supervision (issue 21): rounds on a calendar with fair assignments, the
 * checklist, findings to rectification items verified by someone other than their owner.
 */
import { defineFeature } from "../app/feature.ts";
import { rectificationRemindersJob } from "../jobs/inspections/reminders.ts";
import { inspectionCloseJob, inspectionRoundJob } from "../jobs/inspections/round.ts";
import {
  inspectionScoresSource,
  rectificationsOnTimeSource,
} from "../services/inspections/assessment.ts";
import { inspectionsReport, rectificationsReport } from "../services/inspections/report.ts";
import { registerInspections } from "../slack/listeners/inspections/index.ts";
import { inspectionsSubcommand } from "../slack/listeners/inspections/swap.ts";

export const inspectionsFeature = defineFeature({
  name: "inspections",
  listeners: registerInspections,
  subcommands: [inspectionsSubcommand],
  jobs: [inspectionRoundJob, inspectionCloseJob, rectificationRemindersJob],
  reports: [inspectionsReport, rectificationsReport],
  assessmentSources: [inspectionScoresSource, rectificationsOnTimeSource],
});
