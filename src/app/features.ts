/**
 * The features the bot carries. Each registers its Slack listeners; jobs and commands register
 * themselves in their own modules. Add a feature here with one line.
 */

import type { CustomRoute } from "@slack/bolt";
import { registerPbbCommand } from "../slack/listeners/commands/pbb.ts";
import { registerHome } from "../slack/listeners/home/index.ts";
import { lectureRoutes, registerLectureHall } from "../slack/listeners/lecture/index.ts";
import { registerCommitteeDesk } from "../slack/listeners/reports/index.ts";
import { registerTasklist } from "../slack/listeners/tasklist/index.ts";
import type { ListenerApp } from "../slack/router.ts";
import type { AppContext } from "./context.ts";

/** The bot's own HTTP server, for links a feature hands out. */
export interface FeatureHttp {
  /** e.g. "http://127.0.0.1:3000"; the real port once the server listens. */
  baseUrl(): string;
}

export interface Feature {
  name: string;
  registerListeners(app: ListenerApp, ctx: AppContext): void;
  /** HTTP routes served on PORT beside /slack/events (e.g. calendar feeds). */
  routes?(ctx: AppContext, http: FeatureHttp): CustomRoute[];
}

export const features: Feature[] = [
  { name: "pbb-command", registerListeners: registerPbbCommand },
  { name: "tasklist", registerListeners: registerTasklist },
  { name: "committee-desk", registerListeners: registerCommitteeDesk },
  { name: "lecture-hall", registerListeners: registerLectureHall, routes: lectureRoutes },
  { name: "app-home", registerListeners: registerHome },
];
