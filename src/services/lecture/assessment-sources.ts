/**
 * The lecture hall's assessment sources (issue 22), over each branch's people:
 * - lecture-turns-taken: of the branch's people on the roster, how many have held a turn
 *   ("everyone on the podium");
 * - lecture-sessions-held: of the sessions the branch's people were to speak at, how many were
 *   held. Two queries each, over all branches.
 */
import { branchPeople, lectureTurnsOfYear } from "../../db/repositories/assessment-records.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import {
  type AssessmentScope,
  type AssessmentSource,
  branchIds,
  type EvidenceRow,
  groupBy,
  linked,
  messageLink,
  perBranch,
  tally,
} from "../assessment/source.ts";

async function load(db: Parameters<AssessmentSource["compute"]>[0], scope: AssessmentScope) {
  const lastDate = localDateOf(scope.asOf, scope.timezone);
  const [people, turns] = await Promise.all([
    branchPeople(db, branchIds(scope)),
    lectureTurnsOfYear(db, scope.year, lastDate),
  ]);
  const peopleOf = groupBy(people, (p) => p.branchId);
  const turnsOf = groupBy(turns, (t) => t.userId);
  const roster = new Set(
    (scope.settings as { lectureHall?: { roster?: string[] } }).lectureHall?.roster ?? [],
  );
  return { peopleOf, turnsOf, roster };
}

/** A turn counts for a branch from its first month on. */
const inBranchMonths = (date: string, from: string) => date.slice(0, 7) >= from;

export const lectureTurnsTaken: AssessmentSource = {
  name: "lecture-turns-taken",
  label: "assessment.source.lectureTurnsTaken",
  async compute(db, scope) {
    const { peopleOf, turnsOf, roster } = await load(db, scope);
    return perBranch(scope, (b) => {
      const users = [...new Set((peopleOf.get(b.id) ?? []).map((p) => p.person.slackUserId))]
        .filter((u) => roster.has(u) || (turnsOf.get(u) ?? []).length > 0)
        .sort();
      const evidence = users.map((user): EvidenceRow => {
        const held = (turnsOf.get(user) ?? []).filter(
          (t) => t.session.status === "HELD" && inBranchMonths(t.session.date, b.from),
        );
        const first = held[0];
        const link = messageLink(first?.session.noticeChannel, first?.session.noticeTs);
        if (!first) {
          return { when: "", key: "assessment.evidence.noTurnYet", params: { user }, ok: false };
        }
        const params = { user, date: first.session.date, count: held.length };
        const row = { when: first.session.date, key: "assessment.evidence.turnTaken", params };
        return linked({ ...row, ok: true }, link);
      });
      return tally(evidence);
    });
  },
};

export const lectureSessionsHeld: AssessmentSource = {
  name: "lecture-sessions-held",
  label: "assessment.source.lectureSessionsHeld",
  async compute(db, scope) {
    const { peopleOf, turnsOf } = await load(db, scope);
    return perBranch(scope, (b) => {
      const users = new Set((peopleOf.get(b.id) ?? []).map((p) => p.person.slackUserId));
      const turns = [...users]
        .flatMap((u) => turnsOf.get(u) ?? [])
        .filter(
          (t) =>
            inBranchMonths(t.session.date, b.from) &&
            (t.session.status === "HELD" || t.session.status === "NOT_HELD"),
        )
        .sort(
          (x, y) =>
            x.session.date.localeCompare(y.session.date) || x.userId.localeCompare(y.userId),
        );
      return tally(
        turns.map((t) => {
          const held = t.session.status === "HELD";
          const row = {
            when: t.session.date,
            key: held ? "assessment.evidence.sessionHeld" : "assessment.evidence.sessionNotHeld",
            params: { user: t.userId, date: t.session.date, seq: t.session.seq },
            ok: held,
          };
          return linked(row, messageLink(t.session.noticeChannel, t.session.noticeTs));
        }),
      );
    });
  },
};

export const lectureAssessmentSources = [lectureTurnsTaken, lectureSessionsHeld];
