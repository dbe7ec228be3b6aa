/**
 * Every `pbb` command but `start`: run here against the store, or — when a running bot owns the
 * embedded store — inside that bot over its socket.
 */
import { WebClient } from "@slack/web-api";
import { type EnvConfig, loadEnv, reportEnvProblems } from "../config/env.ts";
import { openDatabase } from "../db/client.ts";
import { applyMigrations } from "../db/migrations.ts";
import { StoreInUseError, storeOwner } from "../db/store-lock.ts";
import { offlineResolver, slackResolver } from "../services/org/resolver.ts";
import { type CommandIo, handoffSocketPath, sendToRunningBot } from "./handoff.ts";
import { type ContextProvider, runProgram } from "./program.ts";

export async function runCommand(argv: string[], io: CommandIo): Promise<number> {
  const needsStore =
    argv.length > 0 && !argv.some((a) => a === "--help" || a === "-h" || a === "help");
  if (!needsStore) return runProgram(argv.length ? argv : ["--help"], io, noStore);
  const loaded = loadEnv();
  if (!loaded.ok) {
    reportEnvProblems(loaded.problems, io.err);
    return 2;
  }
  const env = loaded.config;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (env.database.kind === "pglite") {
      const owner = storeOwner(env.database.dir);
      if (owner !== null) return handOff(env.database.dir, owner, argv, io);
    }
    try {
      return await runProgram(argv, io, localContext(env, io));
    } catch (error) {
      // The bot started between our look and our open: hand the command to it instead.
      if (!(error instanceof StoreInUseError) || attempt > 0) throw error;
    }
  }
  return 1;
}

async function handOff(dir: string, owner: number, argv: string[], io: CommandIo): Promise<number> {
  const code = await sendToRunningBot(handoffSocketPath(dir), { argv, cwd: process.cwd() }, io);
  if (code !== null) return code;
  io.err(
    `the bot (pid ${owner}) holds the embedded database ${dir} but does not answer on its hand-off socket; wait until it has started, or stop it and try again`,
  );
  return 1;
}

const noStore: ContextProvider = async () => {
  throw new Error("this command needs no database");
};

function localContext(env: EnvConfig, io: CommandIo): ContextProvider {
  return async () => {
    const db = await openDatabase(env.database, { notice: io.err });
    try {
      for (const name of await applyMigrations(db.adapter)) io.out(`applied migration ${name}`);
    } catch (error) {
      await db.close();
      throw error;
    }
    const client =
      env.mode === "sandbox"
        ? null
        : new WebClient(env.botToken, env.slackApiUrl ? { slackApiUrl: env.slackApiUrl } : {});
    return {
      ctx: {
        db,
        io,
        cwd: process.cwd(),
        resolver: client ? slackResolver(client) : offlineResolver,
        insideBot: false,
        now: () => new Date(),
        client,
      },
      release: () => db.close(),
    };
  };
}
