/**
 * How every embedded PostgreSQL (PGlite) this project opens is started.
 *
 * PGlite starts PostgreSQL with its default shared_buffers, 128 MB, and initialising that
 * buffer pool in WebAssembly took ~0.45 s of a bot's ~3 s start-up on an existing store (2-core
 * machine) and ~120 MiB of its resident memory. The bot's tables hold a few rows per branch and
 * month, and a page not in the pool is read from the operating system's file cache: at 32 MB
 * the dashboard and the fan-out benchmarks on PGlite were no slower (BENCHMARKS.md §2). Passed
 * as start parameters, not written to the data directory's postgresql.conf, so a store is not
 * changed by opening it.
 */
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";

export const PGLITE_SHARED_BUFFERS = "32MB";

export const pgliteOptions: Pick<PGliteOptions, "startParams"> = {
  startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
};
