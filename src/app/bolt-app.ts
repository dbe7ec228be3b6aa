/**
 * The Bolt app for the configured mode: HTTP (`/slack/events`, signed requests) or Socket Mode.
 * Both serve the custom routes (health, metrics, calendar feeds) on PORT.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  App,
  type App as BoltApp,
  type CustomRoute,
  HTTPReceiver,
  LogLevel,
  SocketModeReceiver,
} from "@slack/bolt";
import { ErrorCode, type WebClientOptions } from "@slack/web-api";
import { asSlackAuthError, SlackAuthError } from "./slack-identity.ts";

/** No answer from Slack's Web API at all (no connection, or not an API answer). */
function slackUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === ErrorCode.RequestError || code === ErrorCode.HTTPError;
}

/** Slack refused the app-level token: the line to print (exit 2), else undefined. */
function appTokenRefused(error: unknown): SlackAuthError | undefined {
  const refused = asSlackAuthError(error);
  return refused
    ? new SlackAuthError(
        refused.message
          .replace("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
          .replace(
            "check the bot token (Install App → Bot User OAuth Token)",
            "check the app-level token (Basic Information → App-Level Tokens, with connections:write)",
          ),
      )
    : undefined;
}

import { guardHttpBodies } from "../slack/request-guard.ts";

export interface SlackConnection {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  slackApiUrl?: string;
  /**
   * The bot's user and bot ids once known (`slack-identity.ts`). Given, Bolt authorizes each
   * request with them instead of calling auth.test itself when the app is built (which, with
   * Slack unreachable, rejected unhandled and ended the process).
   */
  identity?: () => { botUserId: string; botId: string } | undefined;
}

export interface BoltAppHandle {
  app: BoltApp;
  /** Listens on the port given at creation (0 picks one); resolves to the port in use. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

export function createBoltApp(
  connection: SlackConnection,
  routes: CustomRoute[],
  port: number,
  logLevel: LogLevel = LogLevel.WARN,
  /** Listen on this address only (the sandbox: 127.0.0.1); default: every interface. */
  host?: string,
): BoltAppHandle {
  const clientOptions: WebClientOptions = {
    ...(connection.slackApiUrl ? { slackApiUrl: connection.slackApiUrl } : {}),
    // Slack's trigger_ids live 3 s: a retried views.open is worse than a failed one.
    retryConfig: { retries: 1, factor: 1, minTimeout: 100 },
  };
  const { identity, botToken } = connection;
  const appOptions = {
    ...(identity
      ? {
          // Until Slack has answered auth.test, a request goes on without the ids: Bolt's
          // ignoreSelf cannot tell the bot's own events then (in Socket Mode none arrive
          // before Slack answers; in HTTP mode this lasts until it does).
          authorize: async () => ({ botToken, ...identity() }),
        }
      : { token: botToken }),
    clientOptions,
    logLevel,
    // Bolt's conversation store is on by default and runs on every request; nothing here
    // uses it, and under load it is a measurable share of each ack's CPU.
    convoStore: false as const,
  };
  if (connection.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: connection.appToken,
      customRoutes: routes,
      installerOptions: { clientOptions, port },
      logLevel,
    });
    const app = new App({ ...appOptions, receiver });
    let stopped = false;
    let wake: () => void = () => {};
    // Slack's Web API could not be reached for the connection's URL: Bolt's route server is
    // already listening (it starts before the socket), so the bot runs on and connects once
    // Slack answers, retrying after 1 s, doubling to every 10 s (see slack-identity.ts).
    const connectLater = async () => {
      for (let delay = 1_000; !stopped; delay = Math.min(delay * 2, 10_000)) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (stopped) return;
        try {
          await receiver.client.start();
          return;
        } catch {
          // Still away (or refused now): try again at the next wait.
        }
      }
    };
    return {
      app,
      async start() {
        try {
          await app.start();
        } catch (error) {
          const refused = appTokenRefused(error);
          if (refused) throw refused;
          if (!slackUnreachable(error)) throw error;
          void connectLater();
        }
        // Bolt does not expose the route server; its address is the only way to learn port 0's pick.
        const server = (receiver as unknown as { httpServer?: Server }).httpServer;
        return (server?.address() as AddressInfo | null)?.port ?? port;
      },
      stop: () => {
        stopped = true;
        wake();
        return app.stop().then(() => undefined);
      },
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: connection.signingSecret ?? "",
    endpoints: "/slack/events",
    customRoutes: routes,
    logLevel,
  });
  guardHttpBodies(receiver, "/slack/events");
  const app = new App({ ...appOptions, receiver });
  return {
    app,
    async start() {
      const server = (await app.start(host ? { port, host } : port)) as Server;
      // Node closes an idle keep-alive connection after 5 s; a request the client sends on it
      // at that moment waits for a new connection, and under load that wait outlasted Slack's
      // 3 s in the ack benchmark. Longer than a load balancer's idle timeout (ALB: 60 s), as is
      // usual for a server behind one; headersTimeout must stay above it.
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
      return (server.address() as AddressInfo).port;
    },
    stop: () => app.stop().then(() => undefined),
  };
}
