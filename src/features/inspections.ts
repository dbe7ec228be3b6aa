/** Inspections and supervision (issue 21): rounds on a calendar with fair assignments. */
import { defineFeature } from "../app/feature.ts";
import { inspectionRoundJob } from "../jobs/inspections/round.ts";

export const inspectionsFeature = defineFeature({
  name: "inspections",
  jobs: [inspectionRoundJob],
});
