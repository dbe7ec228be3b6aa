/**
 * The leadership's responsibility lists (issue 19): the committee's list for governing the party
 * strictly and each committee member's "one post, two responsibilities" list, from the org file
 * or a system admin's editor; members mark their items, the chair sees everyone's.
 */
import { defineFeature } from "../app/feature.ts";
import {
  dutiesSubcommand,
  registerResponsibilityListeners,
} from "../slack/listeners/responsibilities/index.ts";

export const responsibilitiesFeature = defineFeature({
  name: "responsibilities",
  listeners: registerResponsibilityListeners,
  subcommands: [dutiesSubcommand],
});
