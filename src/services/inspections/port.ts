/** What the inspections' presenter is given, and what it gives back (message text). */
import type { Conflict } from "../../domain/inspection-assign.ts";
import type { RoundKind } from "../../domain/inspection-round.ts";

export interface RoundAnnouncement {
  kind: RoundKind;
  period: string;
  opensOn: string;
  closesOn: string;
  /** Inspector shown as a branch name (mutual) or a user id (supervision). */
  lines: { inspector: { branch: string } | { user: string }; branch: string }[];
  conflicts: (Conflict & { branch: string })[];
  skipped: "too-few-branches" | null;
}

export interface TeamNotice {
  kind: RoundKind;
  period: string;
  closesOn: string;
  branch: string;
}

export interface InspectionsPresenter {
  announcement(a: RoundAnnouncement): string;
  teamNotice(n: TeamNotice): string;
}
