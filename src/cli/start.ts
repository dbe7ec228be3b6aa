/** `pbb start` / `npm start`: the bot, or the local sandbox when no Slack token is set. */

import { StartupError, startBot } from "../app/runtime.ts";
import { loadEnv, reportEnvProblems } from "../config/env.ts";
import type { CommandIo } from "./handoff.ts";

export async function startCommand(io: CommandIo): Promise<number> {
  const loaded = loadEnv();
  if (!loaded.ok) {
    reportEnvProblems(loaded.problems, io.err);
    return 2;
  }
  const env = loaded.config;
  if (env.mode === "sandbox") {
    io.out("No SLACK_BOT_TOKEN is set, so there is no Slack workspace to connect to.");
    io.out("To run the bot in Slack: create the app from manifest.yml, install it, then set");
    io.out("  SLACK_BOT_TOKEN=xoxb-…  and  SLACK_APP_TOKEN=xapp-… (Socket Mode)");
    io.out(
      "  or SLACK_BOT_TOKEN=xoxb-… and SLACK_SIGNING_SECRET=… (HTTP mode, PORT " + env.port + ")",
    );
    io.out('and run `npm start` again. See README.md, section "Create the Slack app".');
    return 0;
  }
  try {
    const bot = await startBot(env, { log: io.out });
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        io.out(`${signal}: finishing in-flight work and stopping`);
        bot.stop().finally(resolve);
      };
      process.once("SIGTERM", () => stop("SIGTERM"));
      process.once("SIGINT", () => stop("SIGINT"));
    });
    return 0;
  } catch (error) {
    if (error instanceof StartupError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
