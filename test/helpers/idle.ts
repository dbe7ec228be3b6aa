/**
 * Waiting until the bot has nothing left to do, instead of sleeping a guessed time: no request's
 * work running or waiting for the work gate, no App Home refresh pending, and nothing due in the
 * outbox (drained here). Checked on consecutive turns, since a request's work is admitted to the
 * gate a turn after its ack.
 */
import type { RunningBot } from "../../src/app/runtime.ts";

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function untilIdle(bot: RunningBot, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 3) {
    if (Date.now() > deadline) throw new Error("the bot did not become idle");
    await turn();
    const busy = bot.work.active + bot.work.backlog > 0;
    if (busy) {
      quiet = 0;
      await new Promise((resolve) => setTimeout(resolve, 5));
      continue;
    }
    await bot.ctx.homes.idle();
    const drained = await bot.ctx.deliveries.drainOnce();
    const due = await bot.ctx.db.prisma.delivery.count({
      // The outbox runs on the wall clock (leases, retry times), not the business clock.
      where: { status: "PENDING", notBefore: { lte: new Date() } },
    });
    quiet =
      drained.sent + drained.failed + drained.retried + drained.adopted > 0 || due > 0
        ? 0
        : quiet + 1;
  }
}
