/** From the loaded rows to the Home's view model (pure: the clock is in the input). */
import { memberModel, secretaryModels } from "./branch-model.ts";
import { committeeModel } from "./committee-model.ts";
import type { HomeInput } from "./input.ts";
import type { HomeModel } from "./model.ts";

export function buildHomeModel(input: HomeInput): HomeModel {
  return {
    userId: input.userId,
    tz: input.tz,
    ...(input.notice ? { notice: input.notice } : {}),
    committee: input.committee ? committeeModel(input.committee, input) : null,
    secretary: secretaryModels(input),
    member: memberModel(input),
    study: input.study ?? null,
    service: input.service ?? null,
    assessment: input.assessment ?? null,
    plans: input.plans ?? null,
    duties: input.duties ?? null,
    inspections: input.inspections ?? null,
  };
}
