/** The App Home: each person's dashboard, its buttons, and its refresh after changes. */
import { defineFeature } from "../app/feature.ts";
import { publishHomes, registerHome } from "../slack/listeners/home/index.ts";

export const appHomeFeature = defineFeature({
  name: "app-home",
  listeners: registerHome,
  start: publishHomes,
});
