/** The whole sandbox (emulator, the real bot, the page) on a fresh test database. */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EnvConfig } from "../../src/config/env.ts";
import type { Database } from "../../src/db/client.ts";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index.ts";
import { createTestDatabase } from "../helpers/database.ts";

export const sandboxEnv = (): EnvConfig => ({
  mode: "sandbox",
  port: 0,
  databaseUrl: "pglite:memory",
  database: { kind: "pglite-memory" },
  logLevel: "silent",
  nodeEnv: "test",
  isProduction: false,
  isTest: true,
  isCI: false,
});

export interface TestSandbox {
  sandbox: RunningSandbox;
  dataDir: string;
  db: Database;
  lines: string[];
}

export async function startTestSandbox(
  opts: { dataDir?: string; db?: Database } = {},
): Promise<TestSandbox> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "pbb-sandbox-")));
  const db = opts.db ?? (await createTestDatabase("pglite"));
  const lines: string[] = [];
  const sandbox = await startSandbox(sandboxEnv(), { log: (l) => lines.push(l), dataDir, db });
  return { sandbox, dataDir, db, lines };
}

/** POSTs to the sandbox's own API (`clock`, `reset` …) and reads its answer. */
export const post = async (base: string, route: string, body: unknown) =>
  (await (
    await fetch(`${base}sandbox/api/${route}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
  ).json()) as { ok: boolean; lines?: string[] };

/** The clock panel's HTML as the chair sees it. */
export const clockPanel = async (base: string) =>
  ((await (await fetch(`${base}sandbox/api/screen?as=U0CHAIR`)).json()) as { clock: string }).clock;
