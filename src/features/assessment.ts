/**
 * The annual assessment (issue 22): scorecards computed from the record by the sources every
 * feature contributes (Feature.assessmentSources), each point traceable to its evidence; the
 * draft, manual and effectiveness scores, remarks and contests, finalization, the report.
 *
 * The feature reads the sources of the list it is part of, given as a function so that it sees
 * every feature's sources, whichever comes before or after it in the list.
 */
import { defineFeature, type Feature } from "../app/feature.ts";
import { registerAssessmentCommands } from "../cli/commands/assessment.ts";
import { assessmentDraftJob } from "../jobs/assessment/draft.ts";
import { assessmentReport } from "../services/assessment/report.ts";
import type { AssessmentSource } from "../services/assessment/source.ts";
import { assessmentSubcommand } from "../slack/listeners/assessment/command.ts";
import { registerAssessment } from "../slack/listeners/assessment/index.ts";

export function assessmentFeature(sources: () => readonly AssessmentSource[]): Feature {
  return defineFeature({
    name: "assessment",
    listeners: registerAssessment,
    subcommands: [assessmentSubcommand],
    jobs: [assessmentDraftJob(sources)],
    commands: [registerAssessmentCommands],
    reports: [assessmentReport],
  });
}
