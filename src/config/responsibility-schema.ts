/**
 * The org file's `responsibilities:` section (issue 19): the year's responsibility lists, the
 * committee's own (`committee`) and each committee member's (`members`, keyed by the member).
 * Each mistake is reported at its own path (so at its own line): a missing duty, a target
 * outside the year, a member who is not on the committee.
 */
import { z } from "zod";
import { MAX_PLAN_ITEMS, MAX_PLAN_RESULT, MAX_PLAN_TITLE } from "../domain/annual-plan.ts";
import { parseDutyTarget } from "../domain/responsibility.ts";
import { expected, nonEmptyText, show, wholeNumber } from "./org-fields.ts";
import { closest } from "./suggest.ts";

export interface ResponsibilityDuty {
  duty: string;
  /** "q2" / "m3" once read (the file may write "Q2", "2027-Q2", "2027-03"). */
  target: string;
  result?: string;
}

export interface Responsibilities {
  year: number;
  committee: ResponsibilityDuty[];
  /** Committee member (user id once applied) → their "one post, two responsibilities" list. */
  members: Record<string, ResponsibilityDuty[]>;
}

const TARGET_WHAT = 'a quarter "q1"–"q4" or a month "m1"–"m12" (or "2027-Q2", "2027-03")';

const duty = z.strictObject({
  duty: nonEmptyText("the duty").refine((s) => s.trim().length <= MAX_PLAN_TITLE, {
    error: () => `at most ${MAX_PLAN_TITLE} characters`,
  }),
  target: z.string({ error: expected(TARGET_WHAT) }),
  result: nonEmptyText("the measurable result expected")
    .refine((s) => s.trim().length <= MAX_PLAN_RESULT, {
      error: () => `at most ${MAX_PLAN_RESULT} characters`,
    })
    .optional(),
});

const dutyList = z.array(duty).max(MAX_PLAN_ITEMS, {
  error: () => `at most ${MAX_PLAN_ITEMS} duties a list`,
});

type RawList = { duty?: unknown; target?: unknown }[];
const listOf = (value: unknown): RawList =>
  Array.isArray(value) ? value.filter((v) => typeof v === "object" && v !== null) : [];

/** Each target within the list's year, checked even when other fields have errors. */
function checkTargets(data: unknown, ctx: z.RefinementCtx): void {
  const r = data as { year?: unknown; committee?: unknown; members?: unknown };
  if (typeof r.year !== "number") return;
  const year = r.year;
  const check = (list: RawList, path: PropertyKey[]) =>
    list.forEach((d, index) => {
      if (typeof d.target !== "string") return;
      const target = parseDutyTarget(d.target, year);
      if (target.ok) return;
      ctx.addIssue({
        code: "custom",
        path: [...path, index, "target"],
        input: d.target,
        message:
          target.error === "outsideYear"
            ? `the target ${show(d.target)} is outside the list's year ${year}`
            : `expected ${TARGET_WHAT}, got ${show(d.target)}`,
      });
    });
  check(listOf(r.committee), ["committee"]);
  const members = r.members;
  if (typeof members === "object" && members !== null)
    for (const [member, list] of Object.entries(members)) check(listOf(list), ["members", member]);
}

export const responsibilitiesSchema = z
  .strictObject({
    year: wholeNumber(2000, 2100, "a year such as 2027"),
    committee: dutyList.default([]),
    members: z.record(z.string(), dutyList).default({}),
  })
  .superRefine(checkTargets, { when: () => true })
  .transform((r): Responsibilities => {
    const read = (list: z.output<typeof dutyList>) =>
      list.map(
        (d): ResponsibilityDuty => ({
          duty: d.duty.trim(),
          target: (parseDutyTarget(d.target, r.year) as { code: string }).code,
          ...(d.result === undefined ? {} : { result: d.result.trim() }),
        }),
      );
    const members: Record<string, ResponsibilityDuty[]> = {};
    for (const [member, list] of Object.entries(r.members)) members[member] = read(list);
    return { year: r.year, committee: read(r.committee), members };
  });

/**
 * Each `responsibilities.members` key must be a committee member or admin of the same file. Run
 * even when other fields have errors (so one reading reports every mistake).
 */
export function checkResponsibilityMembers(org: unknown, ctx: z.RefinementCtx): void {
  const data = org as Record<string, unknown>;
  const section = data.responsibilities as { members?: unknown } | undefined;
  const members = section?.members;
  if (typeof members !== "object" || members === null || Array.isArray(members)) return;
  const committee = (data.committee ?? {}) as Record<string, unknown>;
  const known = [committee.members, committee.admins].flatMap((l) =>
    Array.isArray(l) ? l.filter((u): u is string => typeof u === "string") : [],
  );
  for (const member of Object.keys(members)) {
    if (known.includes(member)) continue;
    const guess = closest(member, known);
    ctx.addIssue({
      code: "custom",
      path: ["responsibilities", "members", member],
      input: member,
      message: `${show(member)} is not a committee member (committee.members or committee.admins)${guess ? `; did you mean "${guess}"?` : ""}`,
    });
  }
}
