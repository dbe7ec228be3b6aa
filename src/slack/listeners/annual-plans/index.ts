/** The annual plans' listeners. */
import type { AppContext } from "../../../app/context.ts";
import type { ListenerApp } from "../../router.ts";
import { registerPlanDecisions } from "./decide.ts";
import { registerPlanItems } from "./items.ts";
import { registerPlanModal } from "./modal.ts";
import { registerQuarterReasons } from "./quarter.ts";

export function registerAnnualPlanListeners(app: ListenerApp, ctx: AppContext): void {
  registerPlanModal(app, ctx);
  registerPlanDecisions(app, ctx);
  registerPlanItems(app, ctx);
  registerQuarterReasons(app, ctx);
}
