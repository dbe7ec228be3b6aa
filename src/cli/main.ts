/**
 * Entry point of `pbb`. `start` runs the bot; every other command is in run-command.ts. Each
 * path loads only its own modules: the bot's start-up does not pay for the CLI's, nor `pbb
 * --help` for Bolt's.
 */
import type { CommandIo } from "./handoff.ts";

const io: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const argv = process.argv.slice(2);
const run =
  argv[0] === "start"
    ? import("./start.ts").then(({ startCommand }) => startCommand(io))
    : import("./run-command.ts").then(({ runCommand }) => runCommand(argv, io));

run.then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.err(`pbb: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
