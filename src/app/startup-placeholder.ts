/**
 * What answers on PORT while the bot starts (the store opening, migrations, ORG_FILE, waiting
 * for another replica's start-up): `/healthz` and `/readyz` say 503 "start-up is not complete",
 * anything else 503 too. Bolt's server takes the port over once the bot is about to listen, so a
 * probe sees "starting" instead of a refused connection.
 */
import { createServer, type Server } from "node:http";
import { STARTING } from "./health-routes.ts";

export interface StartupPlaceholder {
  /** Frees the port; resolves once nothing listens on it any more. */
  close(): Promise<void>;
}

/** Listens on `port`; resolves to a no-op placeholder when the port is taken or 0. */
export async function listenWhileStarting(port: number): Promise<StartupPlaceholder> {
  if (port === 0) return { close: async () => {} };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const health = path === "/healthz" || path === "/readyz";
    res.writeHead(503, { "content-type": "application/json", connection: "close" });
    res.end(
      JSON.stringify(
        health
          ? { ok: false, checks: { startup: false, database: false }, reason: STARTING }
          : { ok: false, reason: STARTING },
      ),
    );
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, () => resolve(true));
  });
  // Taken: Bolt will report it when it tries to listen there (EADDRINUSE), as it did before.
  if (!listening) return { close: async () => {} };
  let closed: Promise<void> | undefined;
  return {
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
