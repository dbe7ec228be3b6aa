/**
 * The lecture hall in Slack: its listeners, its HTTP route (calendar feeds), its `/pbb lectures`
 * subcommand, and (by importing the jobs module) its jobs and notice result handler.
 */
import type { ListenerApp } from "../../router.ts";
import "../../../jobs/lecture/index.ts";
import type { CustomRoute } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import type { FeatureHttp } from "../../../app/features.ts";
import { registerLecturesCommand } from "./command.ts";
import { feedRoute } from "./feed-route.ts";
import { rememberHttp } from "./links.ts";
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
  registerLecturesCommand();
}

export function lectureRoutes(ctx: AppContext, http: FeatureHttp): CustomRoute[] {
  rememberHttp(ctx, http);
  return [feedRoute(ctx)];
}
