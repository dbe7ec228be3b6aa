/**
 * The sandbox's business clock: the wall clock plus an offset that only grows. The bot, the
 * emulator (message ts) and the scheduler read it; the clock panel moves it forward.
 */
export interface BusinessClock {
  now(): Date;
  nowMs(): number;
  /** Moves the clock to `at`; never backwards. */
  advanceTo(at: Date): void;
  /** How far ahead of the wall clock it runs (persisted across restarts). */
  offsetMs(): number;
}

export function createBusinessClock(
  initialOffsetMs = 0,
  wall: () => number = () => Date.now(),
): BusinessClock {
  let offset = Math.max(0, initialOffsetMs);
  const nowMs = () => wall() + offset;
  return {
    now: () => new Date(nowMs()),
    nowMs,
    advanceTo(at) {
      const target = at.getTime();
      if (target > nowMs()) offset = target - wall();
    },
    offsetMs: () => offset,
  };
}
