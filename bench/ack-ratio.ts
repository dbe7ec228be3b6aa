/**
 * `npm run bench:ratio [-- --clients 8 --per-client 12]`: the wall-clock guard that left
 * `npm test` (it measures speed, and a test must not depend on the machine's): the real bot's
 * ack p99 against a bare Bolt app's on the same receiver, side by side in this process, a few
 * clients each. Passes (exit 0) when every ack is under 3 s and the bot's p99 is within 5× of
 * bare Bolt's (a floor of 250 ms keeps a near-zero bare p99 on an idle machine from failing it);
 * prints one JSON line either way. The exact call and query counts of a click stay in the suite
 * (`test/bench/ack-calls.test.ts`).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { runClients } from "./ack-client.ts";
import { replayItems, SIGNING_SECRET, startBareBolt, startRealBot } from "./ack-lib.ts";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "8" },
    "per-client": { type: "string", default: "12" },
    postgres: { type: "string" },
  },
});
const clients = Number(values.clients);
const perClient = Number(values["per-client"]);

const real = await startRealBot(values.postgres ? { postgresUrl: values.postgres } : {});
const bare = await startBareBolt(real.emulator);
let ok = false;
try {
  const items = replayItems(real.emulator, { ...real.payloads }, 100);
  const job = { signingSecret: SIGNING_SECRET, items, clients, perClient };
  // Warm both (JIT, connections), then measure.
  await runClients({ ...job, url: bare.url, perClient: 3 });
  await runClients({ ...job, url: real.url, perClient: 3 });
  const b = await runClients({ ...job, url: bare.url });
  const r = await runClients({ ...job, url: real.url });
  const limitMs = Math.max(5 * b.p99, 250);
  const checks = {
    allAnswered: b.requests === clients * perClient && r.requests === clients * perClient,
    noFailures: r.failures + r.timeouts === 0,
    under3s: r.max < 3000,
    p99WithinLimit: r.p99 < limitMs,
  };
  ok = Object.values(checks).every(Boolean);
  console.log(
    JSON.stringify({
      bench: "ack-ratio",
      at: new Date().toISOString(),
      loadavg: os.loadavg(),
      clients,
      perClient,
      store: values.postgres ? "postgres" : "pglite",
      bare: { p50: b.p50, p99: b.p99, max: b.max, requests: b.requests },
      bot: {
        p50: r.p50,
        p99: r.p99,
        max: r.max,
        requests: r.requests,
        failures: r.failures,
        timeouts: r.timeouts,
      },
      ratio: b.p99 > 0 ? Math.round((r.p99 / b.p99) * 100) / 100 : null,
      limitMs,
      checks,
      ok,
    }),
  );
} finally {
  await bare.close();
  await real.close();
}
process.exit(ok ? 0 : 1);
