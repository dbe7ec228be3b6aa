/**
 * 200 simulated weeks of the lecture rotation with random joins, leaves, swaps, drops and
 * absences, driven like the persistence layer drives it: each week the session after next is
 * assigned (two sessions are always assigned ahead), then people drop or swap assigned turns,
 * then this week's session is held.
 *
 * The fairness invariant, precisely:
 * - credit(u) = turns the rotation gave u (assign picks, drop replacements, turns taken over
 *   through a swap) minus turns u gave away (drops, swaps handing the turn to a colleague who
 *   had none assigned). After all assigned sessions are held, credit(u) = turns u actually held.
 * - P = people in the roster for the whole run who were never away on a session date, never
 *   dropped and never asked for a swap (being the colleague of a swap is fine). Each scenario
 *   has 2–4 such "steady" people; the roster never shrinks below speakersPerSession + 2.
 * - After every assignment, credits among P differ by at most one; at the end, so do the turns
 *   held. (Right after a drop the gap may briefly be two: when everyone still owing a turn in
 *   the cycle already speaks at that session, the replacement's turn opens the next cycle and
 *   the others' turns are carried over with priority, repaid by the next assignment.)
 * - Every assignment fills min(speakersPerSession, people present) slots; nobody holds a turn
 *   on a date they are away, nobody holds two slots of one session, and the same inputs give
 *   the same schedule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/calendar.ts";
import {
  assign,
  drop,
  initialRotation,
  type RotationState,
  rotationStateSchema,
  swap,
  swapCandidates,
} from "../../src/domain/rotation.ts";

const WEEKS = 200;
const USERS = Array.from({ length: 12 }, (_, i) => `U${String(i).padStart(2, "0")}`);
const START = "2026-01-07";

interface Week {
  join: number | null;
  leave: number | null;
  dropPick: number | null;
  swapPick: { kind: "queue" | "turns"; a: number; b: number } | null;
}
interface Scenario {
  initial: number;
  /** The first `steady` users are never away, never drop, never ask for a swap, never leave. */
  steady: number;
  slots: number;
  weeks: Week[];
  absences: { user: number; start: number; length: number }[];
}

const maybe = <T>(arb: fc.Arbitrary<T>, percent: number) =>
  fc.tuple(fc.integer({ min: 0, max: 99 }), arb).map(([n, v]) => (n < percent ? v : null));

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  initial: fc.integer({ min: 4, max: 8 }),
  steady: fc.integer({ min: 2, max: 4 }),
  slots: fc.integer({ min: 1, max: 2 }),
  weeks: fc.array(
    fc.record({
      join: maybe(fc.nat(), 5),
      leave: maybe(fc.nat(), 4),
      dropPick: maybe(fc.nat(), 15),
      swapPick: maybe(
        fc.record({ kind: fc.constantFrom("queue", "turns"), a: fc.nat(), b: fc.nat() }),
        15,
      ),
    }),
    { minLength: WEEKS, maxLength: WEEKS },
  ),
  absences: fc.array(
    fc.record({
      user: fc.nat({ max: USERS.length - 1 }),
      start: fc.nat({ max: WEEKS }),
      length: fc.integer({ min: 1, max: 6 }),
    }),
    { maxLength: 12 },
  ),
});

interface Session {
  week: number;
  date: string;
  speakers: string[];
}
interface Outcome {
  held: Session[];
  credit: Map<string, number>;
  stable: Set<string>;
  violations: string[];
}

const dateOf = (week: number) => addDays(START, week * 7);

function simulate(sc: Scenario): Outcome {
  const steady = new Set(USERS.slice(0, Math.min(sc.steady, sc.initial)));
  const absences = sc.absences.filter((a) => !steady.has(USERS[a.user]!));
  const awayOn = (week: number) =>
    new Set(
      absences
        .filter((a) => week >= a.start && week < a.start + a.length)
        .map((a) => USERS[a.user]!),
    );
  let roster = USERS.slice(0, sc.initial);
  let state: RotationState = initialRotation(roster);
  const credit = new Map<string, number>();
  const stable = new Set(roster);
  const bump = (u: string, by: number) => credit.set(u, (credit.get(u) ?? 0) + by);
  const pending: Session[] = [];
  const held: Session[] = [];
  const violations: string[] = [];
  const check = (what: string) => {
    const counts = [...stable].map((u) => credit.get(u) ?? 0);
    if (counts.length && Math.max(...counts) - Math.min(...counts) > 1)
      violations.push(`${what}: ${JSON.stringify(Object.fromEntries(credit))}`);
    rotationStateSchema.parse(state);
  };
  const assignWeek = (week: number) => {
    const date = dateOf(week);
    const away = awayOn(week);
    const r = assign(state, { date, roster, slots: sc.slots, absent: away });
    state = r.state;
    const present = roster.filter((u) => !away.has(u)).length;
    if (r.speakers.length !== Math.min(sc.slots, present))
      violations.push(`${date}: ${r.speakers.length} speakers with ${present} present`);
    for (const u of r.speakers) bump(u, 1);
    pending.push({ week, date, speakers: r.speakers });
    check(`assign ${date}`);
  };
  const dropTurn = (session: Session, userId: string, rosterNow: string[]) => {
    const others = session.speakers.filter((u) => u !== userId);
    const absent = awayOn(session.week);
    const r = drop(state, {
      date: session.date,
      userId,
      roster: rosterNow,
      absent,
      otherSpeakers: others,
    });
    state = r.state;
    bump(userId, -1);
    session.speakers = r.replacement ? [...others, r.replacement] : others;
    if (r.replacement) bump(r.replacement, 1);
  };

  for (const u of USERS) if (absences.some((a) => USERS[a.user] === u)) stable.delete(u);
  assignWeek(0);
  for (let week = 0; week < WEEKS; week++) {
    const ev = sc.weeks[week]!;
    if (ev.join !== null) {
      const outside = USERS.filter((u) => !roster.includes(u));
      const who = outside[ev.join % Math.max(1, outside.length)];
      if (who) {
        roster = [...roster, who];
        stable.delete(who);
      }
    }
    const leaver = ev.leave === null ? undefined : roster[ev.leave % roster.length];
    if (leaver && !steady.has(leaver) && roster.length > sc.slots + 2) {
      const who = leaver;
      roster = roster.filter((u) => u !== who);
      stable.delete(who);
      for (const s of pending) if (s.speakers.includes(who)) dropTurn(s, who, roster);
    }
    assignWeek(week + 1);
    if (ev.dropPick !== null) {
      const s = pending[ev.dropPick % pending.length]!;
      const who = s.speakers[ev.dropPick % Math.max(1, s.speakers.length)];
      if (who && !steady.has(who)) {
        stable.delete(who);
        dropTurn(s, who, roster);
      }
    }
    if (ev.swapPick !== null) doSwap(ev.swapPick);
    const done = pending.shift()!;
    held.push(done);
  }

  function doSwap(pick: NonNullable<Week["swapPick"]>) {
    const s = pending[pick.a % pending.length]!;
    const requester = s.speakers[pick.a % Math.max(1, s.speakers.length)];
    if (!requester || steady.has(requester)) return;
    if (pick.kind === "queue") {
      const away = awayOn(s.week);
      const options = swapCandidates(state, roster, requester).filter(
        (u) =>
          !away.has(u) && !s.speakers.includes(u) && !pending.some((p) => p.speakers.includes(u)),
      );
      const colleague = options[pick.b % Math.max(1, options.length)];
      if (!colleague) return;
      const r = swap(state, { date: s.date, requester, colleague, roster });
      if (!r.ok || r.kind !== "queue")
        throw new Error(`unexpected swap result ${JSON.stringify(r)}`);
      state = r.state;
      s.speakers = s.speakers.map((u) => (u === requester ? colleague : u));
      bump(requester, -1);
      bump(colleague, 1);
      stable.delete(requester);
      return;
    }
    const other = pending.find((p) => p !== s);
    const colleague = other?.speakers[pick.b % Math.max(1, other.speakers.length)];
    if (
      !other ||
      !colleague ||
      s.speakers.includes(colleague) ||
      other.speakers.includes(requester)
    )
      return;
    if (awayOn(other.week).has(requester) || awayOn(s.week).has(colleague)) return;
    const r = swap(state, {
      date: s.date,
      requester,
      colleague,
      roster,
      colleagueTurnDate: other.date,
    });
    if (!r.ok || r.kind !== "turns") throw new Error(`unexpected swap result ${JSON.stringify(r)}`);
    state = r.state;
    s.speakers = s.speakers.map((u) => (u === requester ? colleague : u));
    other.speakers = other.speakers.map((u) => (u === colleague ? requester : u));
    stable.delete(requester);
  }

  held.push(...pending.splice(0));
  for (const u of roster) if (!stable.has(u)) continue;
  for (const u of USERS) if (!roster.includes(u)) stable.delete(u);
  for (const s of held) {
    const away = awayOn(s.week);
    for (const u of s.speakers)
      if (away.has(u)) violations.push(`${u} speaks on ${s.date} while away`);
    if (new Set(s.speakers).size !== s.speakers.length) violations.push(`duplicate on ${s.date}`);
  }
  return { held, credit, stable, violations };
}

function heldCounts(held: Session[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of held) for (const u of s.speakers) counts.set(u, (counts.get(u) ?? 0) + 1);
  return counts;
}

describe("rotation over 200 simulated weeks", () => {
  it("keeps turns fair among the people present the whole time, filling every slot it can", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const out = simulate(sc);
        expect(out.violations.slice(0, 3)).toEqual([]);
        const counts = heldCounts(out.held);
        for (const u of USERS) expect(counts.get(u) ?? 0).toBe(out.credit.get(u) ?? 0);
        const stableCounts = [...out.stable].map((u) => counts.get(u) ?? 0);
        if (stableCounts.length > 0)
          expect(Math.max(...stableCounts) - Math.min(...stableCounts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same schedule for the same inputs", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const a = simulate(sc).held.map((s) => `${s.date}:${s.speakers.join("+")}`);
        const b = simulate(structuredClone(sc)).held.map(
          (s) => `${s.date}:${s.speakers.join("+")}`,
        );
        expect(b).toEqual(a);
      }),
      { numRuns: 30 },
    );
  });
});
