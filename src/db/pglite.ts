/**
 * Every embedded PostgreSQL (PGlite) this project opens is created here, the same way: with a
 * 32 MB buffer pool, since the default 128 MB cost start-up time and memory for nothing
 * (docs/decisions/embedded-store-pool-32mb.md), passed as a start parameter so opening a store
 * does not change it.
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
