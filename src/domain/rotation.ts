/**
 * The fair rotation: who speaks at each session of a series (the lecture hall, a branch's class
 * representatives). Pure and deterministic: the same state, roster and absences always give the
 * same speakers. The persistence layer stores `state` in RotationState.state and calls these
 * operations in session order.
 *
 * Rules
 * - A cycle gives everyone in the roster one turn. Within a cycle nobody gets a second turn
 *   before every present member has had one: the next cycle starts only when nobody present
 *   still owes a turn in this one.
 * - Priority first: people who dropped a slot, or were passed over while away, go ahead of the
 *   queue at the next session they attend (oldest first). A priority for the current cycle is
 *   their turn in it; one for an earlier cycle is a make-up on top of this cycle's turn.
 * - Away people are passed over without losing their turn; after the cycle ends without them
 *   they keep one make-up turn (never more than one, however long they were away).
 * - When a slot can only be filled by opening the next cycle while people who still owe a turn
 *   already speak at that very session, their turns are carried over with priority.
 * - The next cycle's order is the order in which turns were given in the last one, then those
 *   who had none, then newcomers, so the gap between someone's turns stays about one cycle.
 */
import type { LocalDate } from "./calendar.ts";
import {
  cloneState,
  type PriorityEntry,
  queueOf,
  type RecentTurn,
  type RotationState,
  type UserId,
  withRoster,
} from "./rotation-state.ts";

export * from "./rotation-state.ts";

/** Why someone gets a turn: rendered by the UI through the catalog. */
export type TurnReason =
  | { kind: "first-in-cycle"; cycle: number }
  | { kind: "in-order"; cycle: number; position: number; size: number }
  | { kind: "joined"; cycle: number }
  | { kind: "kept-priority"; cycle: number; since: LocalDate }
  | { kind: "back-from-absence"; cycle: number; since: LocalDate }
  | { kind: "swap-make-up"; cycle: number; since: LocalDate }
  | { kind: "carried-over"; cycle: number; since: LocalDate };

export interface TurnPick {
  userId: UserId;
  reason: TurnReason;
}

export interface Explanation {
  picks: TurnPick[];
  /** Passed over because away on the session date; they keep their turn. */
  passedOver: UserId[];
  /** Cycles that began while filling the session. */
  cyclesStarted: number[];
  /** Slots left empty because too few people were present. */
  unfilled: number;
}

export interface AssignInput {
  /** The session's local date: recorded on priorities earned at it. */
  date: LocalDate;
  roster: readonly UserId[];
  /** Speakers per session (≥ 1). */
  slots: number;
  /** Who is away on the session date. */
  absent?: ReadonlySet<UserId>;
}

export interface AssignResult {
  speakers: UserId[];
  state: RotationState;
  explanation: Explanation;
}

interface Work {
  state: RotationState;
  roster: readonly UserId[];
  absent: ReadonlySet<UserId>;
  /** Already speaking at this session (or dropping out of it): never picked again. */
  taken: Set<UserId>;
  date: LocalDate;
  explanation: Explanation;
}

const NOBODY: ReadonlySet<UserId> = new Set();

/** Pick the speakers of the next session and advance the rotation. */
export function assign(state: RotationState, input: AssignInput): AssignResult {
  const work = start(state, input.roster, input.date, input.absent ?? NOBODY, []);
  const speakers: UserId[] = [];
  for (let slot = 0; slot < Math.max(1, Math.floor(input.slots)); slot++) {
    const pick = pickNext(work);
    if (!pick) {
      work.explanation.unfilled++;
      continue;
    }
    speakers.push(pick.userId);
  }
  return { speakers, state: work.state, explanation: work.explanation };
}

export interface DropInput {
  date: LocalDate;
  userId: UserId;
  roster: readonly UserId[];
  /** Who is away on that session's date. */
  absent?: ReadonlySet<UserId>;
  /** The session's other speakers (never chosen as the replacement). */
  otherSpeakers?: readonly UserId[];
}

export interface DropResult {
  replacement: UserId | null;
  state: RotationState;
  explanation: Explanation;
}

/**
 * "Can't make it": the next person in line takes the slot; the one who dropped keeps priority
 * and goes first at the next session that is assigned and that they attend.
 */
export function drop(state: RotationState, input: DropInput): DropResult {
  const taken = [input.userId, ...(input.otherSpeakers ?? [])];
  const work = start(state, input.roster, input.date, input.absent ?? NOBODY, taken);
  const s = work.state;
  if (s.order.includes(input.userId)) {
    const cycle = takeTurn(s, input.date, input.userId);
    if (cycle === s.cycle) s.spoken = s.spoken.filter((u) => u !== input.userId);
    addPriority(s, { userId: input.userId, reason: "dropped", since: input.date, cycle });
  }
  const pick = pickNext(work);
  if (!pick) work.explanation.unfilled++;
  return { replacement: pick?.userId ?? null, state: s, explanation: work.explanation };
}

export interface SwapInput {
  /** The date of the requester's turn. */
  date: LocalDate;
  /** Who holds the turn and asks for the swap. */
  requester: UserId;
  colleague: UserId;
  roster: readonly UserId[];
  /** The date of the colleague's own assigned, not yet held turn, when they have one. */
  colleagueTurnDate?: LocalDate;
}

export type SwapResult =
  | {
      ok: true;
      /**
       * turns: both hold assigned turns; the caller exchanges the two turns. Each still has
       * one turn, so nobody's place in the rotation changes.
       * queue: the colleague owed a turn in this cycle but had none assigned; they take the
       * requester's slot and the requester takes the colleague's place in the queue.
       */
      kind: "queue" | "turns";
      state: RotationState;
    }
  | { ok: false; reason: "same-person" | "not-in-roster" | "colleague-already-spoke" };

/** Two people exchange turns: both turns move. */
export function swap(state: RotationState, input: SwapInput): SwapResult {
  const { requester, colleague, date } = input;
  if (requester === colleague) return { ok: false, reason: "same-person" };
  if (!input.roster.includes(requester) || !input.roster.includes(colleague))
    return { ok: false, reason: "not-in-roster" };
  const s = withRoster(state, input.roster);
  if (input.colleagueTurnDate !== undefined) {
    const mine = findTurn(s, date, requester);
    const theirs = findTurn(s, input.colleagueTurnDate, colleague);
    if (mine) mine.date = input.colleagueTurnDate;
    if (theirs) theirs.date = date;
    return { ok: true, kind: "turns", state: s };
  }
  if (s.spoken.includes(colleague)) return { ok: false, reason: "colleague-already-spoke" };
  // The colleague's turn in this cycle is given now; any priority they held for it is used.
  s.priority = s.priority.filter((p) => !(p.userId === colleague && p.cycle === s.cycle));
  const cycle = takeTurn(s, date, requester);
  s.recent.push({ date, userId: colleague, cycle: s.cycle });
  if (cycle === s.cycle) {
    s.spoken[s.spoken.indexOf(requester)] = colleague;
    const i = s.order.indexOf(requester);
    const j = s.order.indexOf(colleague);
    s.order[i] = colleague;
    s.order[j] = requester;
  } else {
    // The requester's turn belonged to an earlier cycle: they keep it as a make-up.
    s.spoken.push(colleague);
    addPriority(s, { userId: requester, reason: "swapped", since: date, cycle });
  }
  return { ok: true, kind: "queue", state: s };
}

/**
 * Colleagues a speaker can hand their turn to without the rotation changing anyone else's
 * count: those who still owe a turn in this cycle. (Anyone holding an assigned upcoming turn
 * can be offered too; the caller knows those.)
 */
export function swapCandidates(
  state: RotationState,
  roster: readonly UserId[],
  requester: UserId,
): UserId[] {
  return queueOf(withRoster(state, roster)).filter((u) => u !== requester);
}

/** The coming order, one speaker at a time, with the reason for each (nobody assumed away). */
export function explainNext(
  state: RotationState,
  roster: readonly UserId[],
  n: number,
  absent: ReadonlySet<UserId> = NOBODY,
): TurnPick[] {
  const work = start(state, roster, "", absent, []);
  const picks: TurnPick[] = [];
  for (let i = 0; i < n; i++) {
    const pick = pickNext(work);
    if (!pick) break;
    picks.push(pick);
    work.taken.clear();
  }
  return picks;
}

function start(
  state: RotationState,
  roster: readonly UserId[],
  date: LocalDate,
  absent: ReadonlySet<UserId>,
  taken: readonly UserId[],
): Work {
  return {
    state: withRoster(cloneState(state), roster),
    roster,
    absent,
    taken: new Set(taken),
    date,
    explanation: { picks: [], passedOver: [], cyclesStarted: [], unfilled: 0 },
  };
}

/** The next speaker for the session being filled, starting a new cycle when needed. */
function pickNext(work: Work): TurnPick | null {
  const pick = pickInCycle(work);
  if (pick) return pick;
  const available = work.state.order.some((u) => !work.absent.has(u) && !work.taken.has(u));
  if (!available) return null;
  newCycle(work);
  return pickInCycle(work);
}

function pickInCycle(work: Work): TurnPick | null {
  const s = work.state;
  const entry = s.priority.find((p) => !work.absent.has(p.userId) && !work.taken.has(p.userId));
  if (entry) {
    s.priority = s.priority.filter((p) => p !== entry);
    if (entry.cycle === s.cycle && !s.spoken.includes(entry.userId)) s.spoken.push(entry.userId);
    return record(work, { userId: entry.userId, reason: priorityReason(entry) }, entry.cycle);
  }
  const queue = queueOf(s);
  for (const userId of queue) {
    if (work.taken.has(userId)) continue;
    if (work.absent.has(userId)) {
      if (work.date) {
        if (!owesMakeUp(s, userId))
          addPriority(s, { userId, reason: "absent", since: work.date, cycle: s.cycle });
        if (!work.explanation.passedOver.includes(userId)) work.explanation.passedOver.push(userId);
      }
      continue;
    }
    s.spoken.push(userId);
    return record(work, { userId, reason: queueReason(s, userId) }, s.cycle);
  }
  return null;
}

function record(work: Work, pick: TurnPick, cycle: number): TurnPick {
  work.state.recent.push({ date: work.date, userId: pick.userId, cycle });
  work.taken.add(pick.userId);
  work.explanation.picks.push(pick);
  return pick;
}

function newCycle(work: Work): void {
  const s = work.state;
  for (const userId of queueOf(s)) {
    const since = work.date;
    if (work.taken.has(userId)) {
      // Speaking at this very session for an earlier cycle: this cycle's turn is carried over.
      addPriority(s, { userId, reason: "carried", since, cycle: s.cycle });
    } else if (!owesMakeUp(s, userId)) {
      // Away: one make-up turn, however many cycles the absence lasts.
      addPriority(s, { userId, reason: "absent", since, cycle: s.cycle });
    }
  }
  const spoken = new Set(s.spoken);
  s.order = [...s.spoken, ...s.order.filter((u) => !spoken.has(u))];
  s.spoken = [];
  s.joined = [];
  s.cycle += 1;
  s.recent = s.recent.filter((r) => r.cycle >= s.cycle - 1);
  work.explanation.cyclesStarted.push(s.cycle);
}

/** An away person already owed a make-up: however long the absence, they get one. */
function owesMakeUp(s: RotationState, userId: UserId): boolean {
  return s.priority.some((p) => p.userId === userId && p.reason === "absent");
}

function findTurn(s: RotationState, date: LocalDate, userId: UserId): RecentTurn | undefined {
  return s.recent.find((r) => r.date === date && r.userId === userId);
}

/** Forget a turn given up and tell which cycle it counted for. */
function takeTurn(s: RotationState, date: LocalDate, userId: UserId): number {
  const turn = findTurn(s, date, userId);
  if (!turn) return s.spoken.includes(userId) ? s.cycle : s.cycle - 1;
  s.recent = s.recent.filter((r) => r !== turn);
  return turn.cycle;
}

/** One entry per person and cycle: an existing priority is kept as it is. */
function addPriority(s: RotationState, entry: PriorityEntry): void {
  if (s.priority.some((p) => p.userId === entry.userId && p.cycle === entry.cycle)) return;
  s.priority.push(entry);
}

function priorityReason(entry: PriorityEntry): TurnReason {
  const { cycle, since } = entry;
  if (entry.reason === "dropped") return { kind: "kept-priority", cycle, since };
  if (entry.reason === "swapped") return { kind: "swap-make-up", cycle, since };
  if (entry.reason === "carried") return { kind: "carried-over", cycle, since };
  return { kind: "back-from-absence", cycle, since };
}

function queueReason(s: RotationState, userId: UserId): TurnReason {
  if (s.spoken.length === 1) return { kind: "first-in-cycle", cycle: s.cycle };
  if (s.joined.includes(userId)) return { kind: "joined", cycle: s.cycle };
  return {
    kind: "in-order",
    cycle: s.cycle,
    position: s.order.indexOf(userId) + 1,
    size: s.order.length,
  };
}
