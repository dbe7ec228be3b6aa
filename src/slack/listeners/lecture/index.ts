/** The lecture hall's Slack listeners (its subcommand, route and jobs: src/features/lecture-hall.ts). */
import type { AppContext } from "../../../app/context.ts";
import type { ListenerApp } from "../../router.ts";
import { registerOpenModals } from "./open-modals.ts";
import { registerRosterEvents } from "./roster-events.ts";
import { registerSubmitAway } from "./submit-away.ts";
import { registerSubmitSwap } from "./submit-swap.ts";
import { registerSubmitTopic } from "./submit-topic.ts";
import { registerSwapAnswers } from "./swap-answers.ts";
import { registerTurnButtons } from "./turn-buttons.ts";

export function registerLectureHall(app: ListenerApp, ctx: AppContext): void {
  registerTurnButtons(app, ctx);
  registerOpenModals(app, ctx);
  registerSubmitTopic(app, ctx);
  registerSubmitSwap(app, ctx);
  registerSubmitAway(app, ctx);
  registerSwapAnswers(app, ctx);
  registerRosterEvents(app, ctx);
}
