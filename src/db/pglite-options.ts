/**
 * How every embedded PostgreSQL (PGlite) this project opens is started.
 *
 * PGlite starts PostgreSQL with its default shared_buffers, 128 MB, and initialising that
 * buffer pool in WebAssembly was a third of a bot's start-up on an existing store (~0.5 s of
 * ~3 s on a 2-core machine) and ~120 MiB of its resident memory. A committee's whole database
 * is a few MB — a 1000-branch org with a year of lists still fits many times over — and pages
 * not in the pool are read from the operating system's file cache, so 32 MB costs no query
 * anything measurable (BENCHMARKS.md §4). Passed as start parameters, not written to the data
 * directory's postgresql.conf, so a store is not changed by opening it.
 */
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";

export const PGLITE_SHARED_BUFFERS = "32MB";

export const pgliteOptions: Pick<PGliteOptions, "startParams"> = {
  startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
};
