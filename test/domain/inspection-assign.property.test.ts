/**
 * Random organisations (2–300 branches, 1–15 committee members, random memberships), each run
 * through 8 consecutive rounds where every round's "previous" is the round before's result and
 * branches come and go. Every rule of the issue is checked against an oracle:
 * - small organisations: brute force over every possible assignment says whether a valid one
 *   exists (and one without repeats); when it does, the algorithm's assignment is valid;
 * - large ones: a valid even supervision is planted when the memberships are drawn, and a mutual
 *   one always exists (a dense graph has a Hamiltonian cycle), so the result must be valid.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Assignment,
  assignMutual,
  assignSupervision,
  loads,
  mutualViolations,
  type SupervisedBranch,
  supervisionViolations,
} from "../../src/domain/inspection-assign.ts";

const ROUNDS = 8;
const key = (i: number) => `b${String(i).padStart(3, "0")}`;
const user = (i: number) => `U${String(i).padStart(2, "0")}`;

function* permutations(items: string[]): Generator<string[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i += 1) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i] as string, ...p];
  }
}

function mutualValidExists(branches: string[], previous: Map<string, string>): boolean {
  for (const targets of permutations(branches)) {
    const a = branches.map((inspector, i) => ({ inspector, target: targets[i] as string }));
    if (mutualViolations(a, previous).length === 0) return true;
  }
  return false;
}

const toPrevious = (assignments: readonly Assignment[]) =>
  new Map(assignments.map((a) => [a.inspector, a.target]));

function checkMutualRound(branches: string[], previous: Map<string, string>, seed: string) {
  const result = assignMutual(branches, previous, seed);
  if (branches.length < 2) {
    expect(result).toEqual({ skipped: "too-few-branches" });
    return new Map<string, string>();
  }
  if ("skipped" in result) throw new Error("skipped with two or more branches");
  const violations = mutualViolations(result.assignments, previous);
  // Never self, never each other, never twice: with two branches one direction only, named.
  expect(violations.filter((v) => v.violation !== "repeat")).toEqual([]);
  if (branches.length === 2) {
    expect(result.assignments).toHaveLength(1);
    expect(result.conflicts).toEqual([
      { target: result.assignments[0]?.inspector, reason: "two-branches" },
    ]);
  } else {
    // Everyone inspects one branch and is inspected once.
    expect(result.assignments.map((a) => a.inspector).sort()).toEqual([...branches].sort());
    expect(result.assignments.map((a) => a.target).sort()).toEqual([...branches].sort());
    expect(result.conflicts).toEqual([]);
    const validExists = branches.length > 6 || mutualValidExists(branches, previous);
    if (validExists) expect(violations).toEqual([]);
  }
  // The same round run again assigns the same way.
  expect(assignMutual(branches, previous, seed)).toEqual(result);
  return toPrevious(result.assignments);
}

/** Active branches for each of the rounds: a base set with a few coming and going. */
const branchSets = (max: number) =>
  fc.integer({ min: 2, max }).chain((n) =>
    fc
      .array(fc.subarray(Array.from({ length: n }, (_, i) => i)), {
        minLength: ROUNDS,
        maxLength: ROUNDS,
      })
      .map((drops) =>
        drops.map((d) => {
          const gone = new Set(d.slice(0, Math.max(0, Math.min(2, n - 2))));
          return Array.from({ length: n }, (_, i) => i)
            .filter((i) => !gone.has(i))
            .map(key);
        }),
      ),
  );

describe("mutual inspection", () => {
  it("small organisations: valid whenever brute force finds a valid pairing", () => {
    fc.assert(
      fc.property(branchSets(6), (rounds) => {
        let previous = new Map<string, string>();
        rounds.forEach((branches, r) => {
          previous = checkMutualRound(branches, previous, `mutual:${2027 + r}-06`);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("large organisations (up to 300 branches): every round valid", () => {
    fc.assert(
      fc.property(branchSets(300), (rounds) => {
        let previous = new Map<string, string>();
        rounds.forEach((branches, r) => {
          previous = checkMutualRound(branches, previous, `mutual:${2027 + r}-12`);
        });
      }),
      { numRuns: 25 },
    );
  });

  it("with three branches, the round after a cycle takes the other cycle", () => {
    const first = assignMutual(["a", "b", "c"], new Map(), "s1");
    if ("skipped" in first) throw new Error("skipped");
    const second = assignMutual(["a", "b", "c"], toPrevious(first.assignments), "s2");
    if ("skipped" in second) throw new Error("skipped");
    for (const a of second.assignments) {
      expect(first.assignments).not.toContainEqual(a);
    }
  });

  it("fewer than two branches: skipped, with the reason", () => {
    expect(assignMutual(["only"], new Map(), "s")).toEqual({ skipped: "too-few-branches" });
    expect(assignMutual([], new Map(), "s")).toEqual({ skipped: "too-few-branches" });
  });
});

// ── supervision ──

interface Org {
  branches: SupervisedBranch[];
  members: string[];
}

function supervisionOracle(org: Org, previous: Map<string, string>) {
  const { branches, members } = org;
  let even = false;
  let evenFresh = false;
  const choice = new Array<number>(branches.length).fill(0);
  const total = members.length ** branches.length;
  for (let c = 0; c < total; c += 1) {
    let rest = c;
    for (let i = 0; i < branches.length; i += 1) {
      choice[i] = rest % members.length;
      rest = Math.floor(rest / members.length);
    }
    const a = branches.map((b, i) => ({
      target: b.key,
      inspector: members[choice[i] as number] as string,
    }));
    if (supervisionViolations(a, branches, members).length > 0) continue;
    const l = [...loads(a, members).values()];
    if (Math.max(...l) - Math.min(...l) > 1) continue;
    even = true;
    if (a.every((x) => previous.get(x.target) !== x.inspector)) {
      evenFresh = true;
      break;
    }
  }
  return { even, evenFresh };
}

function checkSupervisionRound(
  org: Org,
  previous: Map<string, string>,
  seed: string,
  oracle: { even: boolean; evenFresh: boolean },
) {
  const result = assignSupervision(org.branches, org.members, previous, seed);
  const coverable = org.branches.filter((b) => org.members.some((m) => !b.people.includes(m)));
  // Never a member of the branch, never a branch twice, every branch that can be covered is.
  expect(supervisionViolations(result.assignments, org.branches, org.members)).toEqual([]);
  expect(result.assignments.map((a) => a.target).sort()).toEqual(
    coverable.map((b) => b.key).sort(),
  );
  // The others are named, with the reason.
  expect(result.conflicts.map((c) => c.target).sort()).toEqual(
    org.branches
      .filter((b) => !coverable.includes(b))
      .map((b) => b.key)
      .sort(),
  );
  const l = [...loads(result.assignments, org.members).values()];
  if (oracle.even) expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
  if (oracle.evenFresh) {
    expect(result.assignments.filter((a) => previous.get(a.target) === a.inspector)).toEqual([]);
  }
  expect(assignSupervision(org.branches, org.members, previous, seed)).toEqual(result);
  return new Map(result.assignments.map((a) => [a.target, a.inspector]));
}

const smallOrg = fc
  .record({ n: fc.integer({ min: 2, max: 6 }), m: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, m }) =>
    fc
      .array(fc.subarray(Array.from({ length: m }, (_, i) => user(i))), {
        minLength: n,
        maxLength: n,
      })
      .map(
        (involved): Org => ({
          branches: involved.map((people, i) => ({ key: key(i), people: [...people, `X${i}`] })),
          members: Array.from({ length: m }, (_, i) => user(i)),
        }),
      ),
  );

/** A large org with a planted even, conflict-free assignment (so a valid one exists). */
const largeOrg = fc
  .record({
    n: fc.integer({ min: 2, max: 300 }),
    m: fc.integer({ min: 1, max: 15 }),
    seed: fc.integer(),
  })
  .chain(({ n, m }) =>
    fc
      .tuple(
        fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
        fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), {
          minLength: m,
          maxLength: m,
        }),
      )
      .map(([order, memberships]): Org => {
        const planted = new Map(order.map((b, i) => [b, i % m]));
        return {
          members: Array.from({ length: m }, (_, i) => user(i)),
          branches: Array.from({ length: n }, (_, b) => ({
            key: key(b),
            people: [
              `S${b}`,
              ...memberships.flatMap((bs, mi) =>
                bs.includes(b) && planted.get(b) !== mi ? [user(mi)] : [],
              ),
            ],
          })),
        };
      }),
  );

describe("supervision", () => {
  it("small organisations: even, fresh and conflict-free whenever brute force finds it so", () => {
    fc.assert(
      fc.property(smallOrg, (org) => {
        let previous = new Map<string, string>();
        for (let r = 0; r < ROUNDS; r += 1) {
          const oracle = supervisionOracle(org, previous);
          previous = checkSupervisionRound(org, previous, `supervision:${2027 + r}-03`, oracle);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("large organisations (up to 300 branches, 15 members): covered, no conflicts, even", () => {
    fc.assert(
      fc.property(largeOrg, (org) => {
        let previous = new Map<string, string>();
        let repeats = 0;
        for (let r = 0; r < ROUNDS; r += 1) {
          const before = previous;
          previous = checkSupervisionRound(org, previous, `supervision:${2027 + r}-09`, {
            even: true,
            evenFresh: false,
          });
          repeats += [...previous].filter(([b, m]) => before.get(b) === m).length;
        }
        // Rotation: with two or more members a branch rarely sees the same member twice running.
        if (org.members.length >= 2 && org.branches.length >= 4) {
          expect(repeats).toBeLessThan(org.branches.length * (ROUNDS - 1));
        }
      }),
      { numRuns: 25 },
    );
  });

  it("a committee too small to avoid conflicts: the branch is named, the others assigned", () => {
    const result = assignSupervision(
      [
        { key: "a", people: ["U1"] },
        { key: "b", people: [] },
      ],
      ["U1"],
      new Map(),
      "s",
    );
    expect(result).toEqual({
      assignments: [{ target: "b", inspector: "U1" }],
      conflicts: [{ target: "a", reason: "all-members-involved" }],
    });
  });
});
