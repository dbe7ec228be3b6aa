import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    setupFiles: ["test/helpers/per-file.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // A worker runs its files one after another in one process, sharing the modules they import
    // (Bolt, Zod, Prisma, the features): importing them afresh for each of ~200 files was a
    // quarter of the suite's CPU. What a file changes for the process it undoes: bots and stores
    // are closed by their helpers, spies restored between files (per-file.ts), and a bot's
    // per-process state is kept by store (docs/decisions/tests-share-a-process.md).
    isolate: false,
  },
});
