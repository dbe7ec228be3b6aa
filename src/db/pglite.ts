/**
 * Every embedded PostgreSQL (PGlite) this project opens is created here, the same way.
 *
 * PGlite starts PostgreSQL with its default shared_buffers, 128 MB, and initialising that
 * buffer pool in WebAssembly took ~0.45 s of a bot's ~3 s start-up on an existing store (2-core
 * machine) and ~120 MiB of its resident memory. The bot's tables hold a few rows per branch and
 * month, and a page not in the pool is read from the operating system's file cache: at 32 MB
 * the dashboard and the fan-out benchmarks on PGlite were no slower (BENCHMARKS.md §2). Passed
 * as start parameters, not written to the data directory's postgresql.conf, so a store is not
 * changed by opening it.
 */
import type { PGlite, PGliteOptions } from "@electric-sql/pglite";

export const PGLITE_SHARED_BUFFERS = "32MB";

/**
 * A ready PGlite on `dataDir` (in memory without one). PGlite is imported here, on first use,
 * not where this module is: a process on PostgreSQL never loads it.
 */
export async function createPglite(
  dataDir?: string,
  options: Omit<PGliteOptions, "dataDir" | "startParams"> = {},
): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const startParams = [
    ...PGlite.defaultStartParams,
    "-c",
    `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
  ];
  return PGlite.create({ ...options, ...(dataDir ? { dataDir } : {}), startParams });
}
