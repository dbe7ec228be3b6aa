/**
 * The rotation's stored state (RotationState.state) and its validation. Plain JSON, so the
 * persistence layer stores it as is and reads it back through `parseRotationState`.
 */
import { z } from "zod";
import type { LocalDate } from "./calendar.ts";

export type UserId = string;

/**
 * Why someone owes a turn ahead of the queue:
 * - dropped: they said "can't make it"; they go first at the next session they can attend.
 * - absent: they were passed over because they were away; they go first when back.
 * - swapped: their turn went to a colleague whose own turn lay in a later cycle.
 * - carried: a new cycle had to start while they were speaking (for an earlier cycle) at the
 *   same session; their turn in the cycle that ended is carried over.
 */
export type PriorityReason = "dropped" | "absent" | "swapped" | "carried";

export interface PriorityEntry {
  userId: UserId;
  reason: PriorityReason;
  /** The session date on which the priority was earned. */
  since: LocalDate;
  /**
   * The cycle the owed turn belongs to. When it is the current cycle, taking it counts as the
   * person's turn in this cycle; an earlier cycle's turn is a make-up on top of it.
   */
  cycle: number;
}

/** A turn given in this or the previous cycle, so a later drop or swap knows its cycle. */
export interface RecentTurn {
  date: LocalDate;
  userId: UserId;
  /** The cycle the turn counts for (a make-up counts for the cycle it was owed in). */
  cycle: number;
}

export interface RotationState {
  version: 1;
  /** 1-based number of the current cycle. */
  cycle: number;
  /** The current cycle's order: everyone in it, whether they already spoke or not. */
  order: UserId[];
  /** Who already has their turn in this cycle, in the order the turns were given. */
  spoken: UserId[];
  /** People who go ahead of the queue, oldest first. At most one entry per person and cycle. */
  priority: PriorityEntry[];
  /** Who joined the roster after this cycle began (appended at the end of `order`). */
  joined: UserId[];
  /** Turns given in this and the previous cycle (older ones are forgotten). */
  recent: RecentTurn[];
}

const priorityEntry = z.object({
  userId: z.string().min(1),
  reason: z.enum(["dropped", "absent", "swapped", "carried"]),
  since: z.string(),
  cycle: z.number().int().min(0),
});

export const rotationStateSchema = z.object({
  version: z.literal(1),
  cycle: z.number().int().min(1),
  order: z.array(z.string().min(1)),
  spoken: z.array(z.string().min(1)),
  priority: z.array(priorityEntry),
  joined: z.array(z.string().min(1)).default([]),
  recent: z
    .array(z.object({ date: z.string(), userId: z.string().min(1), cycle: z.number().int() }))
    .default([]),
});

/** A fresh rotation: the first cycle follows the roster in the order given. */
export function initialRotation(roster: readonly UserId[]): RotationState {
  return {
    version: 1,
    cycle: 1,
    order: unique(roster),
    spoken: [],
    priority: [],
    joined: [],
    recent: [],
  };
}

/** Read stored JSON; `null`/`undefined` (no row yet) gives a fresh rotation over `roster`. */
export function parseRotationState(json: unknown, roster: readonly UserId[]): RotationState {
  if (json === null || json === undefined) return initialRotation(roster);
  return rotationStateSchema.parse(json);
}

export function cloneState(state: RotationState): RotationState {
  return {
    version: 1,
    cycle: state.cycle,
    order: [...state.order],
    spoken: [...state.spoken],
    priority: state.priority.map((p) => ({ ...p })),
    joined: [...state.joined],
    recent: state.recent.map((r) => ({ ...r })),
  };
}

/**
 * Bring the state in line with the current roster: leavers drop out of the order, the spoken
 * list and the priority list without moving anyone else; newcomers join the end of the current
 * cycle's order (in roster order), so they speak after everyone still waiting in this cycle.
 */
export function withRoster(state: RotationState, roster: readonly UserId[]): RotationState {
  const members = new Set(roster);
  const order = unique(state.order.filter((u) => members.has(u)));
  const inOrder = new Set(order);
  const newcomers = unique(roster).filter((u) => !inOrder.has(u));
  const started = state.spoken.some((u) => members.has(u));
  const seen = new Set<string>();
  const priority = state.priority.filter((p) => {
    const key = `${p.userId}@${p.cycle}`;
    if (!members.has(p.userId) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    version: 1,
    cycle: state.cycle,
    order: [...order, ...newcomers],
    spoken: unique(state.spoken.filter((u) => inOrder.has(u))),
    priority: priority.map((p) => ({ ...p })),
    joined: unique([...state.joined.filter((u) => members.has(u)), ...(started ? newcomers : [])]),
    recent: state.recent.filter((r) => members.has(r.userId)).map((r) => ({ ...r })),
  };
}

/** Who still owes their turn in the current cycle, in order. */
export function queueOf(state: RotationState): UserId[] {
  const spoken = new Set(state.spoken);
  return state.order.filter((u) => !spoken.has(u));
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
