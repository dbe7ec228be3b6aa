import type { WebClient } from "@slack/web-api";
import type { EnvConfig } from "../config/env.ts";
import type { Database } from "../db/client.ts";

/** What listeners, jobs and commands share in one running process. */
export interface AppContext {
  env: EnvConfig;
  db: Database;
  /** The bot's Web API client (null when there is no Slack to talk to, e.g. a CLI without token). */
  client: WebClient | null;
  /** The clock every decision reads; tests and `jobs run --at` replace it. */
  now: () => Date;
}
