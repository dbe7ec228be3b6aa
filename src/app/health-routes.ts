/**
 * GET /healthz: 200 once start-up is complete and the database answers, else 503.
 * GET /readyz: the same, and Slack's Web API answers auth.test.
 * A 503 says why in `reason` (one sentence), besides the checks.
 */
import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";

export interface HealthProbe {
  startupComplete(): boolean;
  databaseAnswers(): Promise<boolean>;
  /** Undefined when Slack's Web API answers; otherwise why it does not. */
  slackProblem(): Promise<string | undefined>;
}

export const STARTING = "start-up is not complete";
export const DATABASE_DOWN = "the database does not answer";

function reply(
  res: ServerResponse,
  ok: boolean,
  checks: Record<string, boolean>,
  reason?: string,
): void {
  res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
  res.end(JSON.stringify(ok ? { ok, checks } : { ok, checks, reason }));
}

export function healthRoutes(probe: HealthProbe): CustomRoute[] {
  const base = async () => {
    const startup = probe.startupComplete();
    const database = startup && (await probe.databaseAnswers());
    const reason = !startup ? STARTING : !database ? DATABASE_DOWN : undefined;
    return { checks: { startup, database }, reason };
  };
  return [
    {
      path: "/healthz",
      method: ["GET"],
      handler: async (_req, res) => {
        const { checks, reason } = await base();
        reply(res, reason === undefined, checks, reason);
      },
    },
    {
      path: "/readyz",
      method: ["GET"],
      handler: async (_req, res) => {
        const { checks, reason } = await base();
        const slackProblem = reason === undefined ? await probe.slackProblem() : reason;
        const all = { ...checks, slack: slackProblem === undefined };
        reply(res, slackProblem === undefined, all, slackProblem);
      },
    },
  ];
}

/** Resolves false instead of hanging when a check does not answer in time. */
export async function within(ms: number, check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      check().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
