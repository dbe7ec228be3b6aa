import { expect } from "vitest";

/** Like expect.poll, with time for the app to answer on a busy machine (CI has 2 cores). */
export const eventually = <T>(fn: () => Promise<T> | T, timeout = 20_000) =>
  expect.poll(fn, { timeout, interval: 100 });
