import type { WebClient } from "@slack/web-api";
import type { Command } from "commander";
import type { Database } from "../db/client.ts";
import type { JobServices } from "../jobs/define.ts";
import type { OrgResolver } from "../services/org/resolver.ts";
import type { DeliveryWorker } from "../services/outbox/index.ts";
import type { CommandIo } from "./handoff.ts";

/** What a `pbb` command runs with: in its own process, or inside the running bot (hand-off). */
export interface CommandContext {
  db: Database;
  io: CommandIo;
  /** The caller's working directory: file arguments are relative to it. */
  cwd: string;
  resolver: OrgResolver;
  /** True inside the running bot: it delivers what commands enqueue. */
  insideBot: boolean;
  now: () => Date;
  /** Slack, when a token is configured (CLI) or the bot's own client (hand-off). */
  client: WebClient | null;
  /** Inside the bot: its delivery worker, which sends what a command enqueues. */
  deliveries?: DeliveryWorker;
  /** Inside the bot: what it lends the jobs a command runs (Home refresh, uploads). */
  bot?: JobServices;
}

/** Runs a command's action against its context; the action resolves to the exit code. */
export type RunAction = (action: (ctx: CommandContext) => Promise<number>) => Promise<void>;

/** A group of `pbb` commands kept in its own module (backups, deliveries, a feature's own…). */
export type CommandRegistrar = (program: Command, run: RunAction) => void;
