/**
 * The service list (issue 20): members register their residential community and report service
 * there ("double registration, double reporting"); secretaries see and query the branch's
 * reports; the quarter's one nudge; the committee's practical projects followed milestone by
 * milestone to a confirmed completion; `/pbb service`.
 */
import { defineFeature } from "../app/feature.ts";
import { serviceNudgeJob } from "../jobs/service-list/nudge.ts";
import { projectMilestonesJob } from "../jobs/service-list/project-milestones.ts";
import {
  practicalProjectsDoneSource,
  serviceReportsPerMemberSource,
} from "../services/service-list/assessment.ts";
import { askForNewLeads } from "../services/service-list/leads.ts";
import { projectResultHandlers } from "../services/service-list/projects.ts";
import { serviceResultHandlers } from "../services/service-list/query.ts";
import { projectsReport, servicesReport } from "../services/service-list/report.ts";
import { projectSubcommand, serviceSubcommand } from "../slack/listeners/service-list/command.ts";
import { registerServiceList, serviceThreadReply } from "../slack/listeners/service-list/index.ts";
import { projectThreadReply } from "../slack/listeners/service-list/projects.ts";
import { serviceListPresenter } from "../slack/views/service-list/present.ts";

export const serviceListFeature = defineFeature({
  name: "service-list",
  listeners: registerServiceList,
  threadReplies: [serviceThreadReply, projectThreadReply],
  subcommands: [serviceSubcommand, projectSubcommand],
  jobs: [serviceNudgeJob, projectMilestonesJob],
  reports: [servicesReport, projectsReport],
  resultHandlers: { ...serviceResultHandlers, ...projectResultHandlers },
  assessmentSources: [serviceReportsPerMemberSource, practicalProjectsDoneSource],
  orgWritten: (tx) => askForNewLeads(tx, serviceListPresenter),
});
