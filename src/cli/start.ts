/** `pbb start` / `npm start`: the bot, or the local sandbox when no Slack token is set. */

import { asSlackAuthError, type SlackAuthError } from "../app/slack-identity.ts";
import { listenWhileStarting } from "../app/startup-placeholder.ts";
import { loadStoreDriver, openStore, StartupError } from "../app/store.ts";
import { type EnvConfig, loadEnv, reportEnvProblems } from "../config/env.ts";
import type { CommandIo } from "./handoff.ts";

export async function startCommand(io: CommandIo): Promise<number> {
  const loaded = loadEnv();
  if (!loaded.ok) {
    reportEnvProblems(loaded.problems, io.err);
    return 2;
  }
  const env = loaded.config;
  if (env.mode === "sandbox") return runSandbox(env, io);
  // `/healthz` answers 503 "starting" from the first moment, not a refused connection.
  const placeholder = await listenWhileStarting(env.port);
  let wrongCredentials: (error: SlackAuthError) => void = () => {};
  const refused = new Promise<SlackAuthError>((resolve) => {
    wrongCredentials = resolve;
  });
  try {
    // The store opens (PGlite compiles its WebAssembly and starts PostgreSQL) while Bolt and
    // the features load: most of a start-up is those two, and they overlap well.
    await loadStoreDriver(env);
    const store = openStore(env, io.out);
    // Awaited below; until then, a failure to open must not count as an unhandled rejection.
    store.catch(() => {});
    const runtime = import("../app/runtime.ts").catch(async (error: unknown) => {
      await (await store.catch(() => null))?.close();
      throw error;
    });
    const { startBot } = await runtime;
    const bot = await startBot(env, {
      log: io.out,
      db: await store,
      placeholder,
      onWrongCredentials: (error) => wrongCredentials(error),
    });
    const outcome = await Promise.race([
      refused,
      untilSignal((signal) => {
        io.out(`${signal}: finishing in-flight work and stopping`);
        return bot.stop();
      }),
    ]);
    if (outcome) {
      // Slack refused the token: retrying cannot help, so stop (a supervisor shows the line).
      io.err(outcome.message);
      await bot.stop();
      return 2;
    }
    return 0;
  } catch (error) {
    await placeholder.close();
    if (error instanceof StartupError) {
      io.err(error.message);
      return 1;
    }
    const wrong = asSlackAuthError(error);
    if (wrong) {
      io.err(wrong.message);
      return 2;
    }
    throw error;
  }
}

/** No Slack token: the local sandbox (emulator, the bot, the page) until SIGTERM or SIGINT. */
async function runSandbox(env: EnvConfig, io: CommandIo): Promise<number> {
  try {
    const { startSandbox } = await import("../sandbox/index.ts");
    const sandbox = await startSandbox(env, { log: io.out });
    io.out("No SLACK_BOT_TOKEN is set: the bot runs against a local Slack sandbox.");
    io.out(`Open ${sandbox.url} in your browser. (Ctrl+C stops it.)`);
    io.out('To connect to Slack instead, see README.md, section "Create the Slack app".');
    await untilSignal((signal) => {
      io.out(`${signal}: stopping the sandbox`);
      return sandbox.stop();
    });
    return 0;
  } catch (error) {
    if (error instanceof StartupError) {
      io.err(error.message);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      io.err(`port ${env.port} is in use: stop what uses it, or set PORT to another port`);
      return 1;
    }
    throw error;
  }
}

/** Runs until SIGTERM or SIGINT, then `stop`; resolves once it has finished, failed or not. */
function untilSignal(stop: (signal: string) => Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const onSignal = (signal: string) => stop(signal).finally(resolve);
    process.once("SIGTERM", () => onSignal("SIGTERM"));
    process.once("SIGINT", () => onSignal("SIGINT"));
  });
}
