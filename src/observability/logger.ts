import { type Logger, pino } from "pino";

export type { Logger };

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** The process logger: JSON lines on stdout. Tests pass "silent". */
export function createLogger(level: LogLevel = "info", name = "pbb"): Logger {
  return pino({ name, level });
}

/** A logger that drops everything, for code paths given no logger. */
export const silentLogger: Logger = pino({ level: "silent" });
