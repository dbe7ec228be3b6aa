import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type EnvConfig,
  exitOnEnvProblems,
  formatEnvProblems,
  loadEnv,
  parseDatabaseUrl,
  redactDatabaseUrl,
  reportEnvProblems,
} from "../../src/config/env.ts";

const cwd = mkdtempSync(join(tmpdir(), "pbb-env-"));
writeFileSync(join(cwd, "org.yml"), "organization: {}\n");

function ok(env: Record<string, string>): EnvConfig {
  const result = loadEnv(env, { cwd });
  if (!result.ok) throw new Error(formatEnvProblems(result.problems).join("\n"));
  return result.config;
}

function lines(env: Record<string, string>): string[] {
  const result = loadEnv(env, { cwd });
  if (result.ok) throw new Error("expected problems");
  return formatEnvProblems(result.problems);
}

const HTTP = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "s3cret" };

describe("loadEnv defaults and modes", () => {
  it("when nothing is set, then it runs the sandbox on port 3000 with PGlite in ./data/pglite", () => {
    const config = ok({});
    expect(config).toMatchObject({
      mode: "sandbox",
      port: 3000,
      databaseUrl: "pglite:./data/pglite",
      database: { kind: "pglite", dir: join(cwd, "data/pglite") },
      logLevel: "info",
      nodeEnv: "development",
      isProduction: false,
      isCI: false,
    });
    expect(config.orgFile).toBeUndefined();
    expect(config.slackApiUrl).toBeUndefined();
  });

  it("when a bot token and a signing secret are set, then it is HTTP mode", () => {
    const config = ok(HTTP);
    expect(config.mode).toBe("http");
    if (config.mode !== "http") return;
    expect(config.botToken).toBe("xoxb-1-2-abc");
    expect(config.signingSecret).toBe("s3cret");
  });

  it("when an app token is set too, then it is Socket Mode and the signing secret is optional", () => {
    const config = ok({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1-A" });
    expect(config).toMatchObject({ mode: "socket", botToken: "xoxb-1", appToken: "xapp-1-A" });
    expect("signingSecret" in config).toBe(false);
  });

  it("blank values count as unset", () => {
    expect(ok({ SLACK_BOT_TOKEN: " ", PORT: "", DATABASE_URL: "" })).toMatchObject({
      mode: "sandbox",
      port: 3000,
      databaseUrl: "pglite:./data/pglite",
    });
  });

  it("reads the other variables", () => {
    const config = ok({
      ...HTTP,
      SLACK_API_URL: "http://127.0.0.1:4010/api",
      PORT: "0",
      DATABASE_URL: "postgresql://bot:pw@db:5432/pbb",
      ORG_FILE: "org.yml",
      LOG_LEVEL: "DEBUG",
      NODE_ENV: "production",
      CI: "true",
    });
    expect(config).toMatchObject({
      slackApiUrl: "http://127.0.0.1:4010/api/",
      port: 0,
      database: { kind: "postgres", url: "postgresql://bot:pw@db:5432/pbb" },
      orgFile: join(cwd, "org.yml"),
      logLevel: "debug",
      isProduction: true,
      isCI: true,
    });
  });

  it("NODE_ENV=test or running under vitest is test mode; CI=false is not CI", () => {
    expect(ok({ NODE_ENV: "test" }).isTest).toBe(true);
    expect(ok({ VITEST: "true" }).isTest).toBe(true);
    expect(ok({ CI: "false" }).isCI).toBe(false);
  });
});

describe("loadEnv problems: one line per bad or missing value", () => {
  it.each([
    [
      "a bot token of another kind",
      { SLACK_BOT_TOKEN: "xoxp-123-secret", SLACK_SIGNING_SECRET: "s" },
      'SLACK_BOT_TOKEN: expected a bot token starting with xoxb-, got "xoxp-…"',
    ],
    [
      "tokens swapped",
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xoxb-2" },
      'SLACK_APP_TOKEN: expected an app-level token starting with xapp-, got "xoxb-…" (that belongs in SLACK_BOT_TOKEN)',
    ],
    [
      "HTTP mode without a signing secret",
      { SLACK_BOT_TOKEN: "xoxb-1" },
      "SLACK_SIGNING_SECRET: required in HTTP mode (SLACK_BOT_TOKEN is set and SLACK_APP_TOKEN is not)",
    ],
    [
      "an app token without a bot token",
      { SLACK_APP_TOKEN: "xapp-1" },
      "SLACK_BOT_TOKEN: required in Socket Mode (SLACK_APP_TOKEN is set); unset both to run the local sandbox",
    ],
    [
      "a Web API URL that is not http(s)",
      { SLACK_API_URL: "localhost:4010" },
      'SLACK_API_URL: expected an http(s) URL such as https://slack.com/api/, got "localhost:4010"',
    ],
    [
      "a port too large",
      { PORT: "70000" },
      'PORT: expected a whole number from 0 to 65535, got "70000"',
    ],
    [
      "a port that is not a number",
      { PORT: "http" },
      'PORT: expected a whole number from 0 to 65535, got "http"',
    ],
    [
      "another database",
      { DATABASE_URL: "mysql://root:hunter2@db/pbb" },
      'DATABASE_URL: expected postgres://…, postgresql://…, pglite:<dir> or pglite:memory, got "mysql://root:***@db/pbb"',
    ],
    [
      "pglite without a directory",
      { DATABASE_URL: "pglite:" },
      'DATABASE_URL: expected postgres://…, postgresql://…, pglite:<dir> or pglite:memory (e.g. pglite:./data/pglite), got "pglite:"',
    ],
    [
      "a missing org file",
      { ORG_FILE: "nope.yml" },
      `ORG_FILE: no such file: ${join(cwd, "nope.yml")}`,
    ],
    ["an org file that is a directory", { ORG_FILE: "." }, `ORG_FILE: not a file: ${cwd}`],
    [
      "an unknown log level",
      { LOG_LEVEL: "verbose" },
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
    ],
  ])("%s", (_, env, line) => {
    expect(lines(env)).toEqual([line]);
  });

  it("reports every problem at once, one line each, and never a secret", () => {
    const result = lines({
      SLACK_BOT_TOKEN: "xoxp-very-secret",
      PORT: "-1",
      DATABASE_URL: "sqlite:db",
      LOG_LEVEL: "loud",
    });
    expect(result.map((line) => line.split(":")[0])).toEqual([
      "SLACK_BOT_TOKEN",
      "PORT",
      "DATABASE_URL",
      "LOG_LEVEL",
      "SLACK_SIGNING_SECRET",
    ]);
    expect(result.join("\n")).not.toContain("very-secret");
  });
});

describe("reporting at start", () => {
  it("reportEnvProblems writes one line per problem", () => {
    const written: string[] = [];
    reportEnvProblems([{ variable: "PORT", message: "bad" }], (line) => written.push(line));
    expect(written).toEqual(["PORT: bad"]);
  });

  it("exitOnEnvProblems exits with code 2 after the lines, or returns the configuration", () => {
    const written: string[] = [];
    const exit = (code: number): never => {
      throw new Error(`exit ${code}`);
    };
    expect(() =>
      exitOnEnvProblems(loadEnv({ PORT: "x" }, { cwd }), { write: (l) => written.push(l), exit }),
    ).toThrow("exit 2");
    expect(written).toEqual(['PORT: expected a whole number from 0 to 65535, got "x"']);
    expect(exitOnEnvProblems(loadEnv({}, { cwd }), { exit }).mode).toBe("sandbox");
  });
});

describe("parseDatabaseUrl", () => {
  it("reads each accepted form", () => {
    expect(parseDatabaseUrl("postgres://u:p@h:5432/d")).toEqual({
      kind: "postgres",
      url: "postgres://u:p@h:5432/d",
    });
    expect(parseDatabaseUrl("postgresql://h/d").kind).toBe("postgres");
    expect(parseDatabaseUrl("pglite:memory")).toEqual({ kind: "pglite-memory" });
    expect(parseDatabaseUrl("pglite:./data/x", "/srv/bot")).toEqual({
      kind: "pglite",
      dir: "/srv/bot/data/x",
    });
    expect(parseDatabaseUrl("pglite:/var/lib/pbb", "/srv/bot")).toEqual({
      kind: "pglite",
      dir: "/var/lib/pbb",
    });
  });

  it("refuses anything else, naming the accepted forms", () => {
    expect(() => parseDatabaseUrl("file:./db")).toThrow(
      'expected postgres://…, postgresql://…, pglite:<dir> or pglite:memory, got "file:./db"',
    );
  });
});

describe("a DATABASE_URL's password in messages (issue 26)", () => {
  it("a password with / in it (the URL does not parse) is blanked in the start-up error", () => {
    const problems = lines({ DATABASE_URL: "postgres://bot:pa/ss@db:5432/pbb" });
    expect(problems).toEqual([
      'DATABASE_URL: not a valid URL: "postgres://bot:***@db:5432/pbb" (write / @ : # ? in the password as %2F %40 %3A %23 %3F)',
    ]);
  });

  it.each([
    ["postgres://bot:p@ss@db/pbb", "postgres://bot:***@db/pbb"],
    [
      "postgres://bot:a/b@c:d@db:5432/pbb?sslmode=require",
      "postgres://bot:***@db:5432/pbb?sslmode=require",
    ],
    ["mysql://root:x/y@db/pbb", "mysql://root:***@db/pbb"],
    ["postgresql://bot:pw@db/pbb", "postgresql://bot:***@db/pbb"],
    ["postgres://bot@db/pbb", "postgres://bot@db/pbb"],
    ["postgres://db:5432/pbb", "postgres://db:5432/pbb"],
    // An @ after the host: more is hidden than needed, never less.
    ["postgres://db:5432/pbb?x=a@b", "postgres://db:***@b"],
  ])("%s is shown as %s", (url, shown) => {
    expect(redactDatabaseUrl(url)).toBe(shown);
  });
});
