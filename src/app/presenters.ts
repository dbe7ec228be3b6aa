/**
 * The features' presenters, given to the use cases that write messages in the transaction of
 * their change (each use case declares what it needs in its feature's `ports/<f>.ts`).
 */
import { annualPlanPresenter } from "../slack/views/annual-plans/present.ts";
import { lecturePresenter } from "../slack/views/lecture/present.ts";
import { reportsPresenter } from "../slack/views/reports/present.ts";
import { serviceListPresenter } from "../slack/views/service-list/present.ts";
import { tasklistPresenter } from "../slack/views/tasklist/present.ts";

export const presenters = {
  tasklist: tasklistPresenter,
  lecture: lecturePresenter,
  reports: reportsPresenter,
  annualPlans: annualPlanPresenter,
  serviceList: serviceListPresenter,
};

export type Presenters = typeof presenters;
