/**
 * The bot and the `pbb` CLI are built from one list of features (src/app/features.ts): every
 * job, action id, callback id, event, command and route is registered exactly once, and the CLI
 * knows the same jobs as the bot. A duplicate anywhere in a list stops both from being built.
 */
import { describe, expect, it } from "vitest";
import type { AppContext } from "../../src/app/context.ts";
import type { Feature } from "../../src/app/feature.ts";
import { features, jobsOf, subcommandsOf } from "../../src/app/features.ts";
import { checkFeatures, DuplicateRegistration, wireFeatures } from "../../src/app/wire.ts";
import type { CommandContext } from "../../src/cli/command-context.ts";
import { runProgram } from "../../src/cli/program.ts";
import { FEED_PATH } from "../../src/services/lecture/calendar.ts";
import { ADMIN_ACTION } from "../../src/slack/ids/admin.ts";
import { TASKLIST_ACTION, TASKLIST_CALLBACK } from "../../src/slack/ids/tasklist.ts";
import { ListenerRouter } from "../../src/slack/router.ts";
import { WorkGate } from "../../src/slack/work-gate.ts";

/**
 * Registrars keep the context for later: building the bot reads nothing of it but the store,
 * the key the lecture roster's channel reader is kept under.
 */
const ctx = { db: {} } as AppContext;

function buildBot(list: readonly Feature[]) {
  const router = new ListenerRouter({ gate: new WorkGate(1) });
  const routes = wireFeatures(list, router, ctx);
  return { registered: router.registered(), routes };
}

/** The job names `pbb` knows, as it names them when asked for one it does not know. */
async function cliJobNames(list: readonly Feature[]): Promise<string[]> {
  const err: string[] = [];
  const io = { out: () => {}, err: (line: string) => err.push(line) };
  const provide = async () => ({
    ctx: { io } as unknown as CommandContext,
    release: async () => {},
  });
  const code = await runProgram(["jobs", "run", "no-such-job"], io, provide, list);
  expect(code).toBe(2);
  const names = /jobs: (.*)$/.exec(err.join("\n"))?.[1];
  expect(names).toBeDefined();
  return (names ?? "").split(", ");
}

describe("the features list", () => {
  it("builds the bot with every listener and route registered exactly once", () => {
    const { registered, routes } = buildBot(features);
    const keys = registered.map((r) => r.key);
    expect(registered.filter((r) => r.handlers !== 1)).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    // One of each kind, from different features, so an empty or partial build cannot pass.
    expect(keys).toEqual(
      expect.arrayContaining([
        "command:/pbb",
        `action:${TASKLIST_ACTION.approve}`,
        `view_submission:${TASKLIST_CALLBACK.listModal}`,
        `view_closed:${TASKLIST_CALLBACK.listModal}`,
        `action:${ADMIN_ACTION.addBranch}`,
        "event:app_home_opened",
        "event:member_joined_channel",
      ]),
    );
    expect(registered.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.path)).toEqual([`${FEED_PATH}/:file`]);
  });

  it("gives the CLI the same jobs as the bot, each once, and each feature's subcommands once", async () => {
    const botJobs = jobsOf(features).map((j) => j.name);
    expect(new Set(botJobs).size).toBe(botJobs.length);
    expect(botJobs).toEqual(
      expect.arrayContaining([
        "monthly-reminder",
        "submission-followup",
        "lecture-notice",
        "quarter-summary",
        "study-notice",
        "study-makeup-reminder",
        "inspection-round",
        "annual-plan-reminder",
      ]),
    );
    expect(await cliJobNames(features)).toEqual(botJobs);
    expect(subcommandsOf(features).map((s) => s.name)).toEqual([
      "status",
      "report",
      "admin",
      "lectures",
      "study",
      "inspections",
      "duties",
      "service",
      "project",
      "assessment",
    ]);
  });

  it("refuses a list that names a feature, job, subcommand, report or result handler twice", async () => {
    const tasklist = features.find((f) => f.name === "tasklist")!;
    const twice = [...features, { ...tasklist }];
    expect(() => checkFeatures(twice)).toThrow(DuplicateRegistration);
    expect(() => checkFeatures(twice)).toThrow(
      /feature tasklist, job monthly-reminder, .*subcommand status, report tasklists, assessment source lists-on-time, .*result handler tasklist:/,
    );
    expect(() => buildBot(twice)).toThrow(DuplicateRegistration);
    await expect(cliJobNames(twice)).rejects.toThrow(DuplicateRegistration);
    // A job of one feature named like another feature's.
    const monthly = jobsOf(features).find((j) => j.name === "monthly-reminder")!;
    expect(() => checkFeatures([...features, { name: "copycat", jobs: [monthly] }])).toThrow(
      "registered more than once: job monthly-reminder",
    );
  });

  it("refuses a listener id or a route that two features both take", () => {
    const clash: Feature = {
      name: "clash",
      listeners: (app) => {
        app.action(TASKLIST_ACTION.approve, async () => {});
        app.view({ callback_id: TASKLIST_CALLBACK.listModal, type: "view_closed" }, async () => {});
      },
      routes: () => [{ path: `${FEED_PATH}/:file`, method: ["GET"], handler: () => {} }],
    };
    expect(() => buildBot([...features, clash])).toThrow(
      `registered more than once: listener action:${TASKLIST_ACTION.approve}, listener view_closed:${TASKLIST_CALLBACK.listModal}, route GET ${FEED_PATH}/:file`,
    );
    // The same feature without the clashes builds.
    expect(() => buildBot([...features, { name: "fine", listeners: () => {} }])).not.toThrow();
  });
});
