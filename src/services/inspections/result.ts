/** Inspections' reasons for refusing a request; each has a catalog message `inspections.error.<code>`. */
import type { RectificationError } from "../../domain/rectification.ts";
import type { MessageKey } from "../../i18n/index.ts";
import type { Outcome } from "../kit/result.ts";

export type InspectionsError =
  | RectificationError
  | "no-org"
  | "not-found"
  | "not-inspector"
  | "round-closed"
  | "already-submitted"
  | "amend-reason-required"
  | "branch-inactive"
  | "finding-without-text"
  | "score"
  | "not-admin"
  | "busy"
  | "swap-self"
  | "swap-each-other"
  | "swap-repeat"
  | "swap-twice"
  | "swap-involved"
  | "swap-not-committee"
  | "swap-not-in-round";

export type Result<T extends object = object> = Outcome<T, InspectionsError>;

export const errorKey = (error: InspectionsError): MessageKey => `inspections.error.${error}`;
