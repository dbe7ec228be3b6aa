/**
 * What every use case shares: its dependencies, and its outcome — done (with what it returns),
 * or refused for a reason that has a catalog message (`<feature>.error.<reason>`).
 */
import type { Database } from "../../db/client.ts";

/** What a use case needs of the running process (AppContext has it). */
export interface Deps {
  db: Database;
  /** The business clock. */
  now: () => Date;
}

/** Nothing was changed, for this reason. */
export interface Refusal<E extends string> {
  ok: false;
  error: E;
}

/** Done (with `T`), or refused for one of the reasons `E`. */
export type Outcome<T extends object, E extends string> = ({ ok: true } & T) | Refusal<E>;

export const refuse = <E extends string>(error: E): Refusal<E> => ({ ok: false, error });
