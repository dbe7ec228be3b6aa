/**
 * The service list's sections of the org file: each branch's joint-construction community
 * (`branches[].community`), the services the branches offer this year (`services`), and the
 * committee's practical projects (`practicalProjects`). Branch keys are checked against the
 * file's branches, each mistake at its own path (so at its own line).
 */
import { z } from "zod";
import { SERVICE_CATEGORIES, SERVICE_FREQUENCIES } from "../domain/service-list.ts";
import { localDate, nonEmptyText, oneOf, slug, userRef, wholeNumber } from "./org-fields.ts";
import { closest } from "./suggest.ts";

export interface BranchService {
  branch: string;
  category: (typeof SERVICE_CATEGORIES)[number];
  what: string;
  frequency: (typeof SERVICE_FREQUENCIES)[number];
  /** Who leads it (user id once applied). */
  lead: string;
}

export interface ProjectMilestoneInput {
  title: string;
  due: string;
}

export interface PracticalProjectInput {
  key: string;
  title: string;
  /** The people it serves: "veterans of the Xinhua compound". */
  serves: string;
  branch: string;
  lead: string;
  goal: string;
  beneficiaries: number;
  milestones: ProjectMilestoneInput[];
}

export const communitySchema = nonEmptyText("the branch's joint-construction community");

export const servicesSchema = z.array(
  z.strictObject({
    branch: slug,
    category: oneOf(SERVICE_CATEGORIES),
    what: nonEmptyText("what the service is"),
    frequency: oneOf(SERVICE_FREQUENCIES),
    lead: userRef,
  }),
);

const milestone = z.strictObject({
  title: nonEmptyText("the milestone"),
  due: localDate,
});

export const practicalProjectsSchema = z
  .array(
    z.strictObject({
      key: slug,
      title: nonEmptyText("the project's title"),
      serves: nonEmptyText("the people the project serves"),
      branch: slug,
      lead: userRef,
      goal: nonEmptyText("the project's goal"),
      beneficiaries: wholeNumber(0, 10_000_000, "a whole number of people from 0"),
      milestones: z.array(milestone).min(1, {
        error: () => "must not be empty: expected at least one milestone with a due date",
      }),
    }),
  )
  .max(50, { error: () => "at most 50 practical projects a year" })
  .superRefine((list, ctx) => {
    list.forEach((p, index) => {
      const first = list.findIndex((o) => o.key === p.key);
      if (first !== index) {
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          input: p.key,
          message: `duplicate project key "${p.key}" (also practicalProjects[${first}].key)`,
        });
      }
    });
  });

/**
 * Each service's and project's branch must be one of the file's branches. Run even when other
 * fields have errors (so one reading reports every mistake): the data may be malformed here.
 */
export function checkServiceBranches(org: unknown, ctx: z.RefinementCtx): void {
  const data = org as Record<string, unknown>;
  const listOf = (value: unknown): Record<string, unknown>[] =>
    Array.isArray(value) ? value.filter((v) => typeof v === "object" && v !== null) : [];
  const keys = listOf(data.branches).flatMap((b) => (typeof b.key === "string" ? [b.key] : []));
  const check = (section: "services" | "practicalProjects") =>
    listOf(data[section]).forEach((entry, index) => {
      if (typeof entry.branch !== "string" || keys.includes(entry.branch)) return;
      const guess = closest(entry.branch, keys);
      ctx.addIssue({
        code: "custom",
        path: [section, index, "branch"],
        input: entry.branch,
        message: `no branch has the key "${entry.branch}"${guess ? ` (did you mean "${guess}"?)` : `; the branches are ${keys.join(", ") || "none"}`}`,
      });
    });
  check("services");
  check("practicalProjects");
}
