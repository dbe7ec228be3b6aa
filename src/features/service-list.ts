/**
 * The service list (issue 20): members register their residential community and report service
 * there ("double registration, double reporting"); secretaries see and query the branch's
 * reports; `/pbb service`.
 */
import { defineFeature } from "../app/feature.ts";
import { serviceResultHandlers } from "../services/service-list/query.ts";
import { serviceSubcommand } from "../slack/listeners/service-list/command.ts";
import { registerServiceList, serviceThreadReply } from "../slack/listeners/service-list/index.ts";

export const serviceListFeature = defineFeature({
  name: "service-list",
  listeners: registerServiceList,
  threadReplies: [serviceThreadReply],
  subcommands: [serviceSubcommand],
  resultHandlers: serviceResultHandlers,
});
