/**
 * The embedded PGlite store can be opened by one process only. While the bot runs on it, a
 * `pbb` command sends its argv over a unix socket in the data directory and the bot runs the
 * command with its own open database, streaming the output back.
 *
 * Whoever connects runs commands as the bot's user, so only that user may: the socket is made
 * 0600 whatever the umask, inside the store directory, which is 0700 (db/store-modes.ts).
 * Node cannot read a unix socket's peer credentials (no SO_PEERCRED), so the file modes are
 * the check; see docs/decisions/handoff-socket-peer.md.
 */
import { chmodSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";

export const handoffSocketPath = (dataDir: string): string => path.join(dataDir, "pbb.sock");

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export interface HandoffRequest {
  argv: string[];
  /** The caller's working directory: file arguments are relative to it. */
  cwd: string;
}

export type CommandExecutor = (request: HandoffRequest, io: CommandIo) => Promise<number>;

type Frame = { stream: "out" | "err"; text: string } | { exit: number };

export interface HandoffServer {
  path: string;
  close(): Promise<void>;
}

export async function startHandoffServer(
  socketPath: string,
  execute: CommandExecutor,
): Promise<HandoffServer> {
  // A socket file left by a process that died would make listen() fail; the store lock has
  // already proved no live process owns this directory.
  rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    const lines = createInterface({ input: socket });
    lines.once("line", async (line) => {
      const send = (frame: Frame) => socket.write(`${JSON.stringify(frame)}\n`);
      let code = 1;
      try {
        const request = JSON.parse(line) as { argv?: unknown; cwd?: unknown };
        if (
          !Array.isArray(request.argv) ||
          !request.argv.every((a) => typeof a === "string") ||
          typeof request.cwd !== "string"
        ) {
          throw new Error("malformed hand-off request");
        }
        code = await execute(
          { argv: request.argv, cwd: request.cwd },
          {
            out: (text) => send({ stream: "out", text }),
            err: (text) => send({ stream: "err", text }),
          },
        );
      } catch (error) {
        send({ stream: "err", text: (error as Error).message });
      }
      send({ exit: code });
      socket.end();
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      try {
        chmodSync(socketPath, 0o600);
        resolve();
      } catch (error) {
        server.close();
        reject(error);
      }
    });
  });
  return {
    path: socketPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(socketPath, { force: true });
      }),
  };
}

/** Run argv in the bot that owns the store; null when no bot answers on the socket. */
export function sendToRunningBot(
  socketPath: string,
  request: HandoffRequest,
  io: CommandIo,
): Promise<number | null> {
  return new Promise((resolve) => {
    let answered = false;
    const socket = net.connect(socketPath);
    socket.once("connect", () => {
      answered = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    let exit: number | null = null;
    createInterface({ input: socket }).on("line", (line) => {
      const frame = JSON.parse(line) as Frame;
      if ("exit" in frame) exit = frame.exit;
      else if (frame.stream === "out") io.out(frame.text);
      else io.err(frame.text);
    });
    socket.once("error", () => resolve(answered ? (exit ?? 1) : null));
    socket.once("close", () => resolve(answered ? (exit ?? 1) : null));
  });
}
