/**
 * A feature (a practice: the round trip, the lecture hall …) is one value: everything it adds to
 * the bot and to the `pbb` command. `src/app/features.ts` lists them; the bot (runtime.ts) and the
 * CLI (cli/program.ts) are both built from that list, so they cannot disagree about what exists.
 * Nothing registers itself on import, and a feature keeps no state of its own between bots: what
 * a running bot holds lives in its AppContext.
 */
import type { CustomRoute } from "@slack/bolt";
import type { CommandRegistrar } from "../cli/command-context.ts";
import type { AnyJob } from "../jobs/define.ts";
import type { AssessmentSource } from "../services/assessment/source.ts";
import type { OrgWrittenHook } from "../services/org/apply-org.ts";
import type { ResultHandlers } from "../services/outbox/index.ts";
import type { ReportDefinition } from "../services/reports/definition.ts";
import type { Subcommand } from "../slack/listeners/commands/pbb-subcommands.ts";
import type { ThreadReplyHandler } from "../slack/listeners/thread-replies.ts";
import type { ListenerApp } from "../slack/router.ts";
import type { AppContext } from "./context.ts";

export interface Feature {
  /** Stable and unique: "tasklist", "lecture-hall" … */
  name: string;
  /** Its Slack listeners, by action id, callback id (view submission/closed), event or command. */
  listeners?(app: ListenerApp, ctx: AppContext): void;
  /**
   * Its handlers of people's replies in threads the bot started (one shared `message` listener
   * asks each feature's in the list's order; the first that knows the thread takes it).
   */
  threadReplies?: readonly ThreadReplyHandler[];
  /** Its `/pbb <name>` subcommands, in the order the help lists them. */
  subcommands?: readonly Subcommand[];
  /** Its scheduled jobs (also `pbb jobs list` and `pbb jobs run`). */
  jobs?: readonly AnyJob[];
  /** What to store of its sent messages, by the deliveries' resultRef prefix. */
  resultHandlers?: ResultHandlers;
  /** Its reports: `/pbb report <kind> …` in Slack and `pbb report <kind> …` on the command line. */
  reports?: readonly ReportDefinition[];
  /** Its `pbb` subcommands (besides the jobs and reports the CLI builds from the list). */
  commands?: readonly CommandRegistrar[];
  /**
   * What it contributes to the annual assessment: named sources an org file's computed
   * indicators refer to (`assessment.indicators[].source`); see services/assessment/source.ts.
   */
  assessmentSources?: readonly AssessmentSource[];
  /**
   * Its part of every org write (`pbb org apply`, ORG_FILE, the admin modals), in the write's
   * transaction: e.g. asking the committee to name a new lead when a project's lead left.
   */
  orgWritten?: OrgWrittenHook;
  /** Its HTTP routes, served on PORT beside /slack/events (e.g. calendar feeds). */
  routes?(ctx: AppContext): CustomRoute[];
  /** Once the bot's context exists, before it takes requests. */
  start?(ctx: AppContext): void | Promise<void>;
  /** At shutdown, after the requests' work has ended, in reverse order of the list. */
  stop?(ctx: AppContext): void | Promise<void>;
}

export function defineFeature(feature: Feature): Feature {
  if (!/^[a-z][a-z0-9-]*$/.test(feature.name)) {
    throw new Error(`feature name "${feature.name}": use lowercase letters, digits and -`);
  }
  return feature;
}
