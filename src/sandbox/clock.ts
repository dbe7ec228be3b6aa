/**
 * The sandbox's business clock: the wall clock plus an offset that only grows. The bot, the
 * emulator (message ts) and the scheduler read it; the clock panel moves it forward. While a
 * jump runs a fire, the clock is held at the fire's time, so everything that fire sends is
 * stamped with it.
 */
export interface BusinessClock {
  now(): Date;
  nowMs(): number;
  /** Moves the clock to `at`; never backwards. */
  advanceTo(at: Date): void;
  /** Stops the clock at `at` (or now, if `at` is past) until `release`. */
  hold(at: Date): void;
  /** Lets a held clock run again from where it stands. */
  release(): void;
  /** How far ahead of the wall clock it runs (persisted across restarts). */
  offsetMs(): number;
}

export function createBusinessClock(
  initialOffsetMs = 0,
  wall: () => number = () => Date.now(),
): BusinessClock {
  let offset = Math.max(0, initialOffsetMs);
  let held: number | undefined;
  const nowMs = () => held ?? wall() + offset;
  const moveTo = (target: number) => {
    if (target > nowMs()) offset = target - wall();
  };
  return {
    now: () => new Date(nowMs()),
    nowMs,
    advanceTo(at) {
      if (held !== undefined) held = Math.max(held, at.getTime());
      else moveTo(at.getTime());
    },
    hold(at) {
      held = Math.max(nowMs(), at.getTime());
    },
    release() {
      if (held === undefined) return;
      const at = held;
      held = undefined;
      offset = Math.max(offset, at - wall());
    },
    offsetMs: () => (held === undefined ? offset : Math.max(offset, held - wall())),
  };
}
