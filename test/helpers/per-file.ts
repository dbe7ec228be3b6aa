/**
 * Runs before each test file. Files share their worker's modules (`isolate: false` in
 * vitest.config.ts), so a spy one file left in place (the outbox's pacing turned off) is undone
 * before the next file starts.
 */
import { vi } from "vitest";

vi.restoreAllMocks();
