import { admin } from "./admin.ts";
import { annualPlans } from "./annual-plans.ts";
import { annualPlansDesk } from "./annual-plans-desk.ts";
import { annualPlansLoop } from "./annual-plans-loop.ts";
import { assessment } from "./assessment.ts";
import { command } from "./command.ts";
import { common } from "./common.ts";
import { delivery } from "./delivery.ts";
import { duties } from "./duties.ts";
import { home } from "./home.ts";
import { inspections } from "./inspections.ts";
import { lecture } from "./lecture.ts";
import { reports } from "./reports.ts";
import { sandbox } from "./sandbox.ts";
import { serviceList } from "./service-list.ts";
import { status } from "./status.ts";
import { study } from "./study.ts";
import { tasklist } from "./tasklist.ts";

/** Every area's catalog. Add an area here when a feature adds `catalog/<area>.ts`. */
export const areas = [
  common,
  command,
  delivery,
  tasklist,
  lecture,
  reports,
  admin,
  home,
  status,
  sandbox,
  study,
  inspections,
  serviceList,
  assessment,
  annualPlans,
  annualPlansDesk,
  duties,
  annualPlansLoop,
] as const;
