/** The service list's presenter: what its use cases are given to render their messages. */
import type { ProjectsPresenter, ServiceListPresenter } from "../../../ports/service-list.ts";
import { buildNudgeDm, buildQueryDm, buildReportAck } from "./messages.ts";
import {
  buildLeadWanted,
  buildMilestoneEscalation,
  buildMilestoneReminder,
  buildNewLeadDm,
  buildProjectMessage,
} from "./projects.ts";

export const serviceListPresenter: ServiceListPresenter & ProjectsPresenter = {
  reportAck: buildReportAck,
  queryDm: buildQueryDm,
  nudgeDm: buildNudgeDm,
  projectMessage: buildProjectMessage,
  milestoneReminder: buildMilestoneReminder,
  milestoneEscalation: buildMilestoneEscalation,
  leadWanted: buildLeadWanted,
  newLeadDm: buildNewLeadDm,
};
