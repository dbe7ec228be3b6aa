import { accessSync, constants, statSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import {
  type DatabaseTarget,
  DatabaseUrlError,
  DEFAULT_DATABASE_URL,
  parseDatabaseUrl,
} from "./database-url.ts";

export {
  DATABASE_URL_FORMS,
  type DatabaseTarget,
  DatabaseUrlError,
  parseDatabaseUrl,
  redactDatabaseUrl,
} from "./database-url.ts";

/** The only module that reads process.env: every other module gets an `EnvConfig`. */

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type SlackMode = "sandbox" | "socket" | "http";

interface CommonEnv {
  /** HTTP port; 0 picks a free one (tests). */
  port: number;
  /** OPS_PORT: /metrics and the health routes on 127.0.0.1 at this port (unset: none). */
  opsPort?: number;
  /** DATABASE_URL as given (or the default); `database` is what it means. */
  databaseUrl: string;
  database: DatabaseTarget;
  /** Absolute path of ORG_FILE, checked to be a readable file. */
  orgFile?: string;
  logLevel: LogLevel;
  /** PUBLIC_URL without a trailing "/": where people reach the bot's HTTP endpoints. */
  publicUrl?: string;
  /** SLACK_API_URL, ending in "/". */
  slackApiUrl?: string;
  nodeEnv: string;
  isProduction: boolean;
  isTest: boolean;
  isCI: boolean;
}

export type SlackEnv =
  | { mode: "sandbox" }
  | { mode: "socket"; botToken: string; appToken: string; signingSecret?: string }
  | { mode: "http"; botToken: string; signingSecret: string };

export type EnvConfig = CommonEnv & SlackEnv;

/** One bad or missing value. */
export interface EnvProblem {
  variable: string;
  message: string;
}

export type EnvResult = { ok: true; config: EnvConfig } | { ok: false; problems: EnvProblem[] };

export interface LoadEnvOptions {
  /** Base for relative paths (ORG_FILE, pglite:<dir>); the working directory by default. */
  cwd?: string;
}

type Env = Record<string, string | undefined>;

/** Blank means unset (as `FOO=` in a .env file); surrounding spaces are dropped. */
const present = (value: unknown): unknown =>
  typeof value === "string" ? (value.trim() === "" ? undefined : value.trim()) : value;

/** A token shown in a message: its kind prefix only, never the secret. */
const tokenShape = (value: unknown): string =>
  typeof value === "string" ? `"${value.slice(0, 5)}…"` : String(value);

function tokenField(prefix: string, kind: string, otherPrefix: string, otherVariable: string) {
  return z.preprocess(
    present,
    z
      .string()
      .startsWith(prefix, {
        error: (iss) =>
          typeof iss.input === "string" && iss.input.startsWith(otherPrefix)
            ? `expected ${kind} starting with ${prefix}, got ${tokenShape(iss.input)} (that belongs in ${otherVariable})`
            : `expected ${kind} starting with ${prefix}, got ${tokenShape(iss.input)}`,
      })
      .optional(),
  );
}

function envSchema(cwd: string) {
  return z.object({
    SLACK_BOT_TOKEN: tokenField("xoxb-", "a bot token", "xapp-", "SLACK_APP_TOKEN"),
    SLACK_APP_TOKEN: tokenField("xapp-", "an app-level token", "xoxb-", "SLACK_BOT_TOKEN"),
    SLACK_SIGNING_SECRET: z.preprocess(present, z.string().optional()),
    SLACK_API_URL: z.preprocess(
      present,
      z
        .string()
        .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), {
          error: (iss) =>
            `expected an http(s) URL such as https://slack.com/api/, got "${iss.input}"`,
        })
        .transform((url) => (url.endsWith("/") ? url : `${url}/`))
        .optional(),
    ),
    PUBLIC_URL: z.preprocess(
      present,
      z
        .string()
        .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), {
          error: (iss) => `expected the bot's public http(s) address, got "${iss.input}"`,
        })
        .transform((url) => url.replace(/\/+$/, ""))
        .optional(),
    ),
    PORT: z.preprocess(
      present,
      z
        .string()
        .default("3000")
        .refine((port) => /^\d{1,5}$/.test(port) && Number(port) <= 65535, {
          error: (iss) => `expected a whole number from 0 to 65535, got "${iss.input}"`,
        })
        .transform(Number),
    ),
    OPS_PORT: z.preprocess(
      present,
      z
        .string()
        .refine((port) => /^\d{1,5}$/.test(port) && Number(port) <= 65535, {
          error: (iss) => `expected a whole number from 0 to 65535, got "${iss.input}"`,
        })
        .transform(Number)
        .optional(),
    ),
    DATABASE_URL: z.preprocess(
      present,
      z
        .string()
        .default(DEFAULT_DATABASE_URL)
        .transform((url, ctx) => {
          try {
            return { url, target: parseDatabaseUrl(url, cwd) };
          } catch (error) {
            if (!(error instanceof DatabaseUrlError)) throw error;
            ctx.issues.push({ code: "custom", message: error.message, input: url });
            return z.NEVER;
          }
        }),
    ),
    ORG_FILE: z.preprocess(
      present,
      z
        .string()
        .transform((file, ctx) => {
          const path = resolve(cwd, file);
          const problem = unreadable(path);
          if (problem) ctx.issues.push({ code: "custom", message: problem, input: file });
          return path;
        })
        .optional(),
    ),
    LOG_LEVEL: z.preprocess(
      (value) =>
        typeof present(value) === "string" ? String(present(value)).toLowerCase() : value,
      z
        .enum(LOG_LEVELS, {
          error: (iss) => `expected one of ${LOG_LEVELS.join(", ")}, got "${iss.input}"`,
        })
        .default("info"),
    ),
    NODE_ENV: z.preprocess(present, z.string().default("development")),
    CI: z.preprocess(present, z.string().optional()),
    VITEST: z.preprocess(present, z.string().optional()),
  });
}

function unreadable(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return `not a file: ${path}`;
    accessSync(path, constants.R_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return `no such file: ${path}`;
    if (code === "EACCES") return `not readable (permission denied): ${path}`;
    return `cannot read ${path}: ${code ?? String(error)}`;
  }
}

/** Problems that involve more than one variable (decided on presence alone). */
function modeProblems(env: Env): EnvProblem[] {
  const bot = present(env.SLACK_BOT_TOKEN) !== undefined;
  const app = present(env.SLACK_APP_TOKEN) !== undefined;
  const secret = present(env.SLACK_SIGNING_SECRET) !== undefined;
  if (!bot && app) {
    return [
      {
        variable: "SLACK_BOT_TOKEN",
        message:
          "required in Socket Mode (SLACK_APP_TOKEN is set); unset both to run the local sandbox",
      },
    ];
  }
  if (bot && !app && !secret) {
    return [
      {
        variable: "SLACK_SIGNING_SECRET",
        message: "required in HTTP mode (SLACK_BOT_TOKEN is set and SLACK_APP_TOKEN is not)",
      },
    ];
  }
  return [];
}

const truthy = (value: string | undefined) =>
  value !== undefined && !["", "0", "false", "no", "off"].includes(value.toLowerCase());

/** Reads and checks the environment: a typed configuration, or every problem found. */
export function loadEnv(env: Env = process.env, options: LoadEnvOptions = {}): EnvResult {
  const parsed = envSchema(options.cwd ?? process.cwd()).safeParse(env);
  const problems: EnvProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "environment"),
        message: issue.message,
      }));
  for (const problem of modeProblems(env)) {
    if (!problems.some((p) => p.variable === problem.variable)) problems.push(problem);
  }
  if (!parsed.success || problems.length > 0) {
    const seen = new Set<string>();
    return {
      ok: false,
      problems: problems.filter((p) => !seen.has(p.variable) && seen.add(p.variable)),
    };
  }
  const e = parsed.data;
  const common: CommonEnv = {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL.url,
    database: e.DATABASE_URL.target,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    isProduction: e.NODE_ENV === "production",
    isTest: e.NODE_ENV === "test" || e.VITEST !== undefined,
    isCI: truthy(e.CI),
    ...(e.ORG_FILE === undefined ? {} : { orgFile: e.ORG_FILE }),
    ...(e.SLACK_API_URL === undefined ? {} : { slackApiUrl: e.SLACK_API_URL }),
    ...(e.PUBLIC_URL === undefined ? {} : { publicUrl: e.PUBLIC_URL }),
    ...(e.OPS_PORT === undefined ? {} : { opsPort: e.OPS_PORT }),
  };
  return { ok: true, config: { ...common, ...slackEnv(e) } };
}

function slackEnv(e: {
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
  SLACK_SIGNING_SECRET?: string | undefined;
}): SlackEnv {
  const botToken = e.SLACK_BOT_TOKEN;
  const signingSecret = e.SLACK_SIGNING_SECRET;
  if (botToken === undefined) return { mode: "sandbox" };
  if (e.SLACK_APP_TOKEN !== undefined) {
    return {
      mode: "socket",
      botToken,
      appToken: e.SLACK_APP_TOKEN,
      ...(signingSecret === undefined ? {} : { signingSecret }),
    };
  }
  // modeProblems has already refused HTTP mode without a signing secret.
  return { mode: "http", botToken, signingSecret: signingSecret ?? "" };
}

/** One line per problem: `VARIABLE: what is wrong`. */
export function formatEnvProblems(problems: readonly EnvProblem[]): string[] {
  return problems.map((p) => `${p.variable}: ${p.message}`);
}

export function reportEnvProblems(
  problems: readonly EnvProblem[],
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): void {
  for (const line of formatEnvProblems(problems)) write(line);
}

export interface ExitIo {
  write?: (line: string) => void;
  exit?: (code: number) => never;
}

/** At start: the configuration, or the problems on stderr and exit code 2 (no stack trace). */
export function exitOnEnvProblems(result: EnvResult, io: ExitIo = {}): EnvConfig {
  if (result.ok) return result.config;
  reportEnvProblems(result.problems, io.write);
  return (io.exit ?? process.exit)(2);
}

/** `exitOnEnvProblems(loadEnv(env))`. */
export function loadEnvOrExit(env: Env = process.env, io: ExitIo = {}): EnvConfig {
  return exitOnEnvProblems(loadEnv(env), io);
}
