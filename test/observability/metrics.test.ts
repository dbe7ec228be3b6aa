import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ackTimer, createMetrics, metricsHandler } from "../../src/observability/metrics.ts";

describe("metrics", () => {
  it("serves the Prometheus text exposition with the queue depth read on scrape", async () => {
    const metrics = createMetrics();
    let depth = { PENDING: 3, FAILED: 1 };
    metrics.setQueueDepthReader(async () => depth);
    metrics.deliveries.inc({ method: "chat.postMessage", outcome: "sent" });
    metrics.jobRuns.inc({ job: "monthly-reminder", outcome: "ran" });
    const acked = ackTimer(metrics);
    acked("action", 0.2);
    acked("action", 0.003);
    const server = createServer((req, res) => void metricsHandler(metrics)(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    try {
      const first = await fetch(url);
      expect(first.status).toBe(200);
      expect(first.headers.get("content-type")).toContain("text/plain");
      const body = await first.text();
      expect(body).toContain('pbb_delivery_queue_depth{status="PENDING"} 3');
      expect(body).toContain('pbb_deliveries_total{method="chat.postMessage",outcome="sent"} 1');
      expect(body).toContain('pbb_job_runs_total{job="monthly-reminder",outcome="ran"} 1');
      expect(body).toContain('pbb_slack_ack_seconds_bucket{le="0.005",kind="action"} 1');
      expect(body).toContain('pbb_slack_ack_seconds_bucket{le="0.25",kind="action"} 2');
      depth = { PENDING: 0, FAILED: 1 };
      expect(await (await fetch(url)).text()).toContain(
        'pbb_delivery_queue_depth{status="PENDING"} 0',
      );
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
