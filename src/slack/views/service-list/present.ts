/** The service list's presenter: what its use cases are given to render their messages. */
import type { ServiceListPresenter } from "../../../services/service-list/port.ts";
import { buildNudgeDm, buildQueryDm, buildReportAck } from "./messages.ts";

export const serviceListPresenter: ServiceListPresenter = {
  reportAck: buildReportAck,
  queryDm: buildQueryDm,
  nudgeDm: buildNudgeDm,
};
