/** Administration in Slack: `/pbb admin`, its menu and modals. */
import { defineFeature } from "../app/feature.ts";
import { adminSubcommand } from "../slack/listeners/admin/admin-command.ts";
import { registerAdmin } from "../slack/listeners/admin/index.ts";

export const adminFeature = defineFeature({
  name: "admin",
  listeners: registerAdmin,
  subcommands: [adminSubcommand],
});
