/** The annual plans' presenter: what the use cases write in their transaction, as Block Kit. */
import type { PlanPresenter } from "../../../ports/annual-plans.ts";
import {
  approvedMessage,
  committeeMessage,
  requestMessage,
  returnedMessage,
  secretaryDm,
} from "./messages.ts";
import {
  quarterBranchMessage,
  quarterCommitteeMessage,
  quarterFollowUpMessage,
} from "./quarter.ts";

export const annualPlanPresenter: PlanPresenter = {
  reminder: requestMessage,
  committee: committeeMessage,
  returned: returnedMessage,
  approved: approvedMessage,
  secretaryDm,
  quarterBranch: quarterBranchMessage,
  quarterCommittee: quarterCommitteeMessage,
  quarterFollowUp: quarterFollowUpMessage,
};
