/**
 * The features the bot carries. Each registers its Slack listeners; jobs and commands register
 * themselves in their own modules. Add a feature here with one line.
 */
import type { App } from "@slack/bolt";
import { registerPbbCommand } from "../slack/listeners/commands/pbb.ts";
import { registerTasklist } from "../slack/listeners/tasklist/index.ts";
import type { AppContext } from "./context.ts";

export interface Feature {
  name: string;
  registerListeners(app: App, ctx: AppContext): void;
}

export const features: Feature[] = [
  { name: "pbb-command", registerListeners: registerPbbCommand },
  { name: "tasklist", registerListeners: registerTasklist },
];
