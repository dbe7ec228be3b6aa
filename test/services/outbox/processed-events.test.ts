import { describe, expect, it } from "vitest";
import { markEventProcessed } from "../../../src/db/repositories/processed-events.ts";
import { STORES } from "../../helpers/database.ts";
import { useReplicas } from "../../jobs/helpers.ts";

describe.each(STORES)("inbound event dedupe on %s", (kind) => {
  const replicas = useReplicas(kind, 3);

  it("marks an event id once: the first caller gets true, every retry false", async () => {
    const dbs = replicas();
    expect(await markEventProcessed(dbs[0]!, "Ev001")).toBe(true);
    expect(await markEventProcessed(dbs[1]!, "Ev001")).toBe(false);
    const racers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => markEventProcessed(dbs[i % 3]!, "Ev002")),
    );
    expect(racers.filter(Boolean)).toHaveLength(1);
    expect(await dbs[0]!.prisma.processedEvent.count()).toBe(2);
  });
});
