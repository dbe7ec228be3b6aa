/**
 * The random-speaker draw over many simulated years of centre-group sessions: random presence,
 * some confirmed people found absent when drawn, several draws a session, the random index from
 * fast-check. The invariants:
 * - nobody speaks an (n+1)-th time in a year before everyone present at some session of that
 *   year has spoken n times (in particular: nobody twice before everyone once);
 * - a drawn person is present, not yet drawn at the session, and among the least-spoken present;
 * - a person skipped as absent keeps their count, and is drawn before anyone who has spoken more
 *   at the next session where they are present and a draw happens;
 * - a refusal changes nothing: after "nobody-due", everyone present not yet drawn has spoken
 *   more often than someone in the pool, and the refusal names exactly those owed a turn;
 * - a draw out of turn (the chair's choice after "nobody-due", docs/decisions/
 *   study-draw-out-of-turn.md) picks among the fewest-spoken present, is marked out of turn, and
 *   those owed a turn stay strictly less spoken: the next plain draw where they are present
 *   picks them first. Only in-turn draws are bound by "nobody twice before everyone once".
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawSpeaker } from "../../src/domain/study.ts";

const PEOPLE = ["U0A", "U0B", "U0C", "U0D", "U0E", "U0F", "U0G"];

const sessionArb = fc.record({
  present: fc.subarray(PEOPLE, { minLength: 0 }),
  /** Confirmed but not there: found absent when drawn. */
  noShows: fc.subarray(PEOPLE, { maxLength: 2 }),
  draws: fc.integer({ min: 0, max: 5 }),
  picks: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
  /** After "nobody-due", the chair draws out of turn. */
  outOfTurn: fc.boolean(),
});

describe("the random-speaker draw, simulated over a year", () => {
  it("keeps nobody-twice-before-everyone-once and absentees' priority", () => {
    fc.assert(
      fc.property(fc.array(sessionArb, { minLength: 1, maxLength: 24 }), (sessions) => {
        const spoken = new Map<string, number>();
        const pool = new Set<string>();
        const owed = new Set<string>(); // skipped as absent, not yet spoken since
        for (const s of sessions) {
          const there = new Set(s.present);
          const confirmed = [...new Set([...s.present, ...s.noShows])];
          const drawnHere: string[] = [];
          let present = [...confirmed];
          for (let d = 0; d < s.draws; d++) {
            const poolNow = [...new Set([...pool, ...present.filter((p) => there.has(p))])];
            const pick = s.picks[d] ?? 0;
            const input = { present, drawnHere, spokenThisYear: spoken, pool: poolNow };
            let result = drawSpeaker({ ...input, pending: false }, (n) => pick % n);
            if (!result.ok) {
              if (result.error === "nobody-present") expect(present).toHaveLength(0);
              if (result.error !== "nobody-due") break;
              const min = Math.min(...[...poolNow, ...present].map((p) => spoken.get(p) ?? 0));
              for (const p of present.filter((p) => !drawnHere.includes(p))) {
                expect(spoken.get(p) ?? 0).toBeGreaterThan(min);
              }
              const owedNow = [...poolNow, ...present].filter(
                (p) => !present.includes(p) && (spoken.get(p) ?? 0) === min,
              );
              expect(result.owed).toEqual([...new Set(owedNow)].sort());
              if (!s.outOfTurn) break;
              result = drawSpeaker({ ...input, pending: false, outOfTurn: true }, (n) => pick % n);
              if (!result.ok) {
                // nobody present is left to draw at all
                expect(present.filter((p) => !drawnHere.includes(p))).toEqual([]);
                break;
              }
              expect(result.outOfTurn).toBe(true);
              // those owed a turn keep it: they have spoken fewer times than the one drawn
              for (const o of owedNow) {
                expect(spoken.get(o) ?? 0).toBeLessThan(spoken.get(result.userId) ?? 0);
              }
            } else {
              expect(result.outOfTurn).toBe(false);
            }
            const who = result.userId;
            expect(present).toContain(who);
            expect(drawnHere).not.toContain(who);
            const count = spoken.get(who) ?? 0;
            for (const p of present.filter((p) => !drawnHere.includes(p))) {
              expect(count).toBeLessThanOrEqual(spoken.get(p) ?? 0);
            }
            for (const o of owed) {
              if (present.includes(o) && !drawnHere.includes(o)) {
                expect(count).toBeLessThanOrEqual(spoken.get(o) ?? 0);
              }
            }
            drawnHere.push(who);
            if (!there.has(who)) {
              // found absent: skipped, not counted, no longer present at this session
              owed.add(who);
              present = present.filter((p) => p !== who);
              continue;
            }
            if (result.outOfTurn) {
              spoken.set(who, count + 1);
              owed.delete(who);
              continue;
            }
            // speaking: everyone in the pool has spoken at least `count` times already
            for (const p of poolNow) expect(spoken.get(p) ?? 0).toBeGreaterThanOrEqual(count);
            spoken.set(who, count + 1);
            owed.delete(who);
          }
          for (const p of there) pool.add(p);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a draw while one is pending, and when nobody is present", () => {
    const base = { drawnHere: [], spokenThisYear: new Map(), pool: ["U0A"] };
    expect(drawSpeaker({ ...base, present: ["U0A"], pending: true }, () => 0)).toEqual({
      ok: false,
      error: "draw-pending",
    });
    expect(drawSpeaker({ ...base, present: [], pending: false }, () => 0)).toEqual({
      ok: false,
      error: "nobody-present",
    });
  });

  it("draws only among the least-spoken present, at random among them", () => {
    const spokenThisYear = new Map([
      ["U0A", 1],
      ["U0B", 0],
      ["U0C", 0],
    ]);
    const input = {
      present: ["U0A", "U0B", "U0C"],
      drawnHere: [],
      spokenThisYear,
      pool: ["U0A", "U0B", "U0C"],
      pending: false,
    };
    const first = drawSpeaker(input, () => 0);
    const second = drawSpeaker(input, () => 1);
    expect(first).toMatchObject({ ok: true, userId: "U0B", due: ["U0B", "U0C"], round: 0 });
    expect(second).toMatchObject({ ok: true, userId: "U0C" });
  });

  it("says nobody is due when everyone present has spoken more than someone in the pool", () => {
    const result = drawSpeaker(
      {
        present: ["U0A"],
        drawnHere: [],
        spokenThisYear: new Map([["U0A", 1]]),
        pool: ["U0A", "U0B"],
        pending: false,
      },
      () => 0,
    );
    expect(result).toEqual({ ok: false, error: "nobody-due", owed: ["U0B"] });
  });

  it("out of turn, when asked, draws among the fewest-spoken present; in turn it is ignored", () => {
    const base = {
      present: ["U0A", "U0B", "U0C"],
      drawnHere: [],
      spokenThisYear: new Map([
        ["U0A", 2],
        ["U0B", 1],
        ["U0C", 1],
        ["U0D", 0],
      ]),
      pool: ["U0A", "U0B", "U0C", "U0D"],
      pending: false,
    };
    expect(drawSpeaker(base, () => 0)).toEqual({ ok: false, error: "nobody-due", owed: ["U0D"] });
    expect(drawSpeaker({ ...base, outOfTurn: true }, () => 1)).toEqual({
      ok: true,
      userId: "U0C",
      due: ["U0B", "U0C"],
      round: 1,
      outOfTurn: true,
    });
    // U0D present again: the plain draw is in turn and picks them, whatever the flag says
    const back = { ...base, present: [...base.present, "U0D"], outOfTurn: true };
    expect(drawSpeaker(back, () => 0)).toMatchObject({
      ok: true,
      userId: "U0D",
      outOfTurn: false,
    });
  });
});
