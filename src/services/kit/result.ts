/**
 * What every use case shares: its dependencies, and its outcome — done (with what it returns),
 * or refused for a reason that has a catalog message (`<feature>.error.<reason>`).
 */
import type { Database } from "../../db/client.ts";
import type { Homes } from "../home/refresh.ts";

/** What a use case needs of the running process (AppContext has it). */
export interface Deps {
  db: Database;
  /** The business clock. */
  now: () => Date;
  /** The bot's Home refresher, told what a change concerns (absent: no Home to refresh). */
  homes?: Homes | undefined;
}

/** Nothing was changed, for this reason. */
export interface Refusal<E extends string> {
  ok: false;
  error: E;
}

/** Done (with `T`), or refused for one of the reasons `E`. */
export type Outcome<T extends object, E extends string> = ({ ok: true } & T) | Refusal<E>;

export const refuse = <E extends string>(error: E): Refusal<E> => ({ ok: false, error });

/**
 * A feature's refusal helpers for its reasons `E`: `refuse(reason)`, and `errorKey(reason)`, the
 * reason's catalog message `<feature>.error.<reason>` (a reason without one fails to compile
 * where the key is translated).
 */
export function refusals<E extends string>() {
  return <F extends string>(feature: F) => ({
    refuse: (error: E): Refusal<E> => ({ ok: false, error }),
    errorKey: (error: E): `${F}.error.${E}` => `${feature}.error.${error}`,
  });
}
