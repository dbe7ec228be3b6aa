/**
 * Fair assignments for inspection rounds. Pure and deterministic for a given seed (the round's
 * key), so a re-run of the same round assigns the same way.
 *
 * Mutual inspection (branch inspects branch): no branch inspects itself, no two branches inspect
 * each other in the same round, and no branch inspects the branch it inspected in the previous
 * round while another choice exists. Every branch inspects exactly one and is inspected once.
 *
 * Supervision (committee member inspects branch): every active branch is covered, never by a
 * member who is one of its secretaries or members, the load is even (differs by at most one
 * branch between members) whenever such an assignment exists, and a branch does not get the
 * member it had in the previous round whenever an even assignment without that exists.
 */

export interface Assignment {
  /** The inspected branch's key. */
  target: string;
  /** The inspecting branch's key (mutual) or the committee member's user id (supervision). */
  inspector: string;
}

export type ConflictReason =
  /** Only two branches: they would inspect each other. */
  | "two-branches"
  /** Every committee member is a secretary or member of the branch. */
  | "all-members-involved";

export interface Conflict {
  target: string;
  reason: ConflictReason;
}

export interface AssignResult {
  assignments: Assignment[];
  /** Branches left without an inspector, and why: the round opens, an admin assigns them. */
  conflicts: Conflict[];
}

export type MutualResult = AssignResult | { skipped: "too-few-branches" };

// ── seeded order ──

function hashSeed(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic generator. */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// ── rules, as checks (the admin's swap and the tests use them too) ──

export type MutualViolation = "self" | "each-other" | "repeat" | "twice";

/**
 * What is wrong with a mutual-inspection assignment (empty: nothing). `previous`: inspector →
 * target of the previous mutual round. `repeat` only counts when `strictRepeat` (there was a
 * choice).
 */
export function mutualViolations(
  assignments: readonly Assignment[],
  previous: ReadonlyMap<string, string> = new Map(),
): { assignment: Assignment; violation: MutualViolation }[] {
  const targetOf = new Map<string, string>();
  const out: { assignment: Assignment; violation: MutualViolation }[] = [];
  const seenTargets = new Set<string>();
  for (const a of assignments) {
    if (targetOf.has(a.inspector) || seenTargets.has(a.target)) {
      out.push({ assignment: a, violation: "twice" });
    }
    targetOf.set(a.inspector, a.target);
    seenTargets.add(a.target);
  }
  for (const a of assignments) {
    if (a.inspector === a.target) out.push({ assignment: a, violation: "self" });
    else if (targetOf.get(a.target) === a.inspector)
      out.push({ assignment: a, violation: "each-other" });
    else if (previous.get(a.inspector) === a.target)
      out.push({ assignment: a, violation: "repeat" });
  }
  return out;
}

// ── mutual inspection ──

const EXHAUSTIVE_UP_TO = 7;

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  const a = [...items];
  const c = new Array<number>(a.length).fill(0);
  yield [...a];
  let i = 0;
  while (i < a.length) {
    if ((c[i] as number) < i) {
      const j = i % 2 === 0 ? 0 : (c[i] as number);
      [a[j], a[i]] = [a[i] as T, a[j] as T];
      yield [...a];
      c[i] = (c[i] as number) + 1;
      i = 0;
    } else {
      c[i] = 0;
      i += 1;
    }
  }
}

/** Small rounds: every permutation, in the seed's order; the first with fewest repeats wins. */
function mutualExhaustive(order: readonly string[], previous: ReadonlyMap<string, string>) {
  let best: Assignment[] | null = null;
  let bestRepeats = Number.POSITIVE_INFINITY;
  for (const targets of permutations(order)) {
    const assignments = order.map((inspector, i) => ({ inspector, target: targets[i] as string }));
    const violations = mutualViolations(assignments, previous);
    if (violations.some((v) => v.violation !== "repeat")) continue;
    if (violations.length < bestRepeats) {
      best = assignments;
      bestRepeats = violations.length;
      if (bestRepeats === 0) break;
    }
  }
  return best ?? [];
}

/**
 * Larger rounds: one cycle through all branches (so nobody inspects itself or its inspector),
 * repaired where an edge repeats the previous round. With three or more branches besides the
 * previous round's target, such a cycle exists (the graph is dense: Ghouila-Houri).
 */
function mutualCycle(
  order: string[],
  previous: ReadonlyMap<string, string>,
  random: () => number,
): Assignment[] {
  const n = order.length;
  const at = (i: number) => order[((i % n) + n) % n] as string;
  const good = (i: number) => previous.get(at(i)) !== at(i + 1);
  const aroundOk = (positions: number[]) => positions.every((p) => good(p - 1) && good(p));
  for (let pass = 0; pass < 50; pass += 1) {
    let bad = 0;
    for (let i = 0; i < n; i += 1) {
      if (good(i)) continue;
      const p = (i + 1) % n;
      const start = Math.floor(random() * n);
      let fixed = false;
      for (let k = 0; k < n && !fixed; k += 1) {
        const q = (start + k) % n;
        if (q === p) continue;
        [order[p], order[q]] = [order[q] as string, order[p] as string];
        if (aroundOk([p, q])) fixed = true;
        else [order[p], order[q]] = [order[q] as string, order[p] as string];
      }
      if (!fixed) bad += 1;
    }
    if (bad === 0) break;
  }
  return order.map((inspector, i) => ({ inspector, target: at(i + 1) }));
}

/**
 * Pairs the active branches for a mutual-inspection round. `previous`: inspector → target in the
 * previous mutual round (branches that were not in it are free).
 */
export function assignMutual(
  branches: readonly string[],
  previous: ReadonlyMap<string, string>,
  seed: string,
): MutualResult {
  const keys = [...new Set(branches)].sort();
  if (keys.length < 2) return { skipped: "too-few-branches" };
  if (keys.length === 2) {
    const [a, b] = keys as [string, string];
    const first = previous.get(a) === b ? { inspector: b, target: a } : { inspector: a, target: b };
    return {
      assignments: [first],
      conflicts: [{ target: first.inspector, reason: "two-branches" }],
    };
  }
  const random = seededRandom(seed);
  const order = shuffled(keys, random);
  const assignments =
    keys.length <= EXHAUSTIVE_UP_TO
      ? mutualExhaustive(order, previous)
      : mutualCycle(order, previous, random);
  return {
    assignments: assignments.sort((x, y) => x.target.localeCompare(y.target)),
    conflicts: [],
  };
}

// ── supervision ──

export interface SupervisedBranch {
  key: string;
  /** Its secretaries and members: none of them may supervise it. */
  people: readonly string[];
}

/** A small max-flow (Dinic) over source → members → branches → sink. */
class Flow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  private level: number[] = [];
  private iter: number[] = [];

  constructor(private readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  add(from: number, to: number, capacity: number): number {
    const id = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.next.push(this.head[from] as number, this.head[to] as number);
    this.head[from] = id;
    this.head[to] = id + 1;
    return id;
  }

  raise(edge: number, capacity: number): void {
    this.cap[edge] = (this.cap[edge] as number) + capacity;
  }

  flowOn(edge: number): number {
    return this.cap[edge + 1] as number;
  }

  private bfs(s: number, t: number): boolean {
    this.level = new Array<number>(this.nodes).fill(-1);
    this.level[s] = 0;
    const queue = [s];
    for (let qi = 0; qi < queue.length; qi += 1) {
      const v = queue[qi] as number;
      for (let e = this.head[v] as number; e !== -1; e = this.next[e] as number) {
        const w = this.to[e] as number;
        if ((this.cap[e] as number) > 0 && this.level[w] === -1) {
          this.level[w] = (this.level[v] as number) + 1;
          queue.push(w);
        }
      }
    }
    return this.level[t] !== -1;
  }

  private dfs(v: number, t: number, f: number): number {
    if (v === t) return f;
    for (
      ;
      (this.iter[v] as number) !== -1;
      this.iter[v] = this.next[this.iter[v] as number] as number
    ) {
      const e = this.iter[v] as number;
      const w = this.to[e] as number;
      if (
        (this.cap[e] as number) > 0 &&
        (this.level[w] as number) === (this.level[v] as number) + 1
      ) {
        const d = this.dfs(w, t, Math.min(f, this.cap[e] as number));
        if (d > 0) {
          this.cap[e] = (this.cap[e] as number) - d;
          this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + d;
          return d;
        }
      }
    }
    return 0;
  }

  run(s: number, t: number): number {
    let total = 0;
    while (this.bfs(s, t)) {
      this.iter = [...this.head];
      for (
        let f = this.dfs(s, t, Number.POSITIVE_INFINITY);
        f > 0;
        f = this.dfs(s, t, Number.POSITIVE_INFINITY)
      ) {
        total += f;
      }
    }
    return total;
  }
}

interface FlowPlan {
  /** Member index → branch indexes. */
  assigned: number[][];
  covered: number;
}

/**
 * Max flow with each member's load between `low` and `high`: first every member up to `low`
 * (it must fill them all, or null), then up to `high` (augmenting never lowers a member's load).
 */
function planFlow(
  members: number,
  branches: number,
  allowed: (m: number, b: number) => boolean,
  low: number,
  high: number,
  memberOrder: readonly number[],
): FlowPlan | null {
  const S = 0;
  const T = members + branches + 1;
  const flow = new Flow(members + branches + 2);
  const source: number[] = new Array<number>(members);
  for (const m of memberOrder) source[m] = flow.add(S, 1 + m, low);
  const edges: { m: number; b: number; e: number }[] = [];
  for (const m of memberOrder) {
    for (let b = 0; b < branches; b += 1) {
      if (allowed(m, b)) edges.push({ m, b, e: flow.add(1 + m, 1 + members + b, 1) });
    }
  }
  for (let b = 0; b < branches; b += 1) flow.add(1 + members + b, T, 1);
  const first = low > 0 ? flow.run(S, T) : 0;
  if (first < low * members) return null;
  for (const m of memberOrder) flow.raise(source[m] as number, high - low);
  const covered = first + flow.run(S, T);
  const assigned: number[][] = Array.from({ length: members }, () => []);
  for (const { m, b, e } of edges) if (flow.flowOn(e) > 0) assigned[m]?.push(b);
  return { assigned, covered };
}

/**
 * Assigns every active branch to one committee member for a supervision round. `previous`:
 * branch key → the member who supervised it in the previous supervision round.
 */
export function assignSupervision(
  branches: readonly SupervisedBranch[],
  members: readonly string[],
  previous: ReadonlyMap<string, string>,
  seed: string,
): AssignResult {
  const random = seededRandom(seed);
  const people = [...new Set(members)];
  const list = shuffled(
    [...branches].sort((a, b) => a.key.localeCompare(b.key)),
    random,
  );
  const order = shuffled(
    people.map((_, i) => i),
    random,
  );
  const m = people.length;
  const n = list.length;
  const free = (mi: number, bi: number) => !list[bi]?.people.includes(people[mi] as string);
  const fresh = (mi: number, bi: number) =>
    free(mi, bi) && previous.get(list[bi]?.key as string) !== people[mi];
  const coverable = list.filter((_, bi) => people.some((_, mi) => free(mi, bi))).length;
  const conflicts: Conflict[] = list
    .filter((_, bi) => !people.some((_, mi) => free(mi, bi)))
    .map((b) => ({ target: b.key, reason: "all-members-involved" as const }))
    .sort((a, b) => a.target.localeCompare(b.target));
  let plan: FlowPlan | null = null;
  if (m > 0 && n > 0) {
    const low = Math.floor(n / m);
    const high = Math.ceil(n / m);
    for (const allowed of [fresh, free]) {
      const even = planFlow(m, n, allowed, low, high, order);
      if (even && even.covered === n) {
        plan = even;
        break;
      }
    }
    // No even assignment: the smallest top load that covers every branch that can be covered.
    for (let cap = high; plan === null && cap <= n; cap += 1) {
      const best = planFlow(m, n, free, 0, cap, order);
      if (best && best.covered === coverable) plan = best;
    }
  }
  const assignments: Assignment[] = [];
  plan?.assigned.forEach((bs, mi) => {
    for (const bi of bs) {
      assignments.push({ target: list[bi]?.key as string, inspector: people[mi] as string });
    }
  });
  return {
    assignments: assignments.sort((x, y) => x.target.localeCompare(y.target)),
    conflicts,
  };
}

export type SupervisionViolation = "involved" | "twice" | "not-committee";

/** What is wrong with a supervision assignment (the admin's swap is re-checked with this). */
export function supervisionViolations(
  assignments: readonly Assignment[],
  branches: readonly SupervisedBranch[],
  members: readonly string[],
): { assignment: Assignment; violation: SupervisionViolation }[] {
  const byKey = new Map(branches.map((b) => [b.key, b]));
  const seen = new Set<string>();
  const out: { assignment: Assignment; violation: SupervisionViolation }[] = [];
  for (const a of assignments) {
    if (seen.has(a.target)) out.push({ assignment: a, violation: "twice" });
    seen.add(a.target);
    if (!members.includes(a.inspector)) out.push({ assignment: a, violation: "not-committee" });
    else if (byKey.get(a.target)?.people.includes(a.inspector))
      out.push({ assignment: a, violation: "involved" });
  }
  return out;
}

/** Each member's number of branches (members with none count 0). */
export function loads(assignments: readonly Assignment[], members: readonly string[]) {
  const out = new Map(members.map((m) => [m, 0]));
  for (const a of assignments) out.set(a.inspector, (out.get(a.inspector) ?? 0) + 1);
  return out;
}
