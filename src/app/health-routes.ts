/**
 * GET /healthz: 200 once start-up is complete and the database answers, else 503.
 * GET /readyz: the same, and Slack's Web API answers auth.test.
 */
import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";

export interface HealthProbe {
  startupComplete(): boolean;
  databaseAnswers(): Promise<boolean>;
  slackAnswers(): Promise<boolean>;
}

function reply(res: ServerResponse, ok: boolean, checks: Record<string, boolean>): void {
  res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
  res.end(JSON.stringify({ ok, checks }));
}

export function healthRoutes(probe: HealthProbe): CustomRoute[] {
  const base = async () => {
    const startup = probe.startupComplete();
    const database = startup && (await probe.databaseAnswers());
    return { startup, database };
  };
  return [
    {
      path: "/healthz",
      method: ["GET"],
      handler: async (_req, res) => {
        const checks = await base();
        reply(res, checks.startup && checks.database, checks);
      },
    },
    {
      path: "/readyz",
      method: ["GET"],
      handler: async (_req, res) => {
        const checks = { ...(await base()), slack: false };
        if (checks.database) checks.slack = await probe.slackAnswers();
        reply(res, checks.database && checks.slack, checks);
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
