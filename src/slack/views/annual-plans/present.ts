/** The annual plans' presenter: what the use cases write in their transaction, as Block Kit. */
import type { PlanPresenter } from "../../../services/annual-plans/port.ts";
import {
  approvedMessage,
  committeeMessage,
  requestMessage,
  returnedMessage,
  secretaryDm,
} from "./messages.ts";

export const annualPlanPresenter: PlanPresenter = {
  reminder: requestMessage,
  committee: committeeMessage,
  returned: returnedMessage,
  approved: approvedMessage,
  secretaryDm,
};
