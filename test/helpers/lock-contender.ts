/**
 * A process that contends for store locks on command (test/db/store-lock.test.ts): reads
 * `try <dir>` and answers `won <pid>` or `lost <pid>`; `release` frees what it holds.
 */
import { createInterface } from "node:readline";
import { acquireStoreLock, StoreInUseError, type StoreLock } from "../../src/db/store-lock.ts";

let held: StoreLock | undefined;
createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, dir] = line.split(" ");
  if (command === "try" && dir) {
    try {
      held = acquireStoreLock(dir);
      process.stdout.write(`won ${process.pid}\n`);
    } catch (error) {
      if (!(error instanceof StoreInUseError)) throw error;
      process.stdout.write(`lost ${process.pid}\n`);
    }
  } else if (command === "release") {
    held?.release();
    held = undefined;
    process.stdout.write(`released ${process.pid}\n`);
  }
});
process.stdout.write(`ready ${process.pid}\n`);
