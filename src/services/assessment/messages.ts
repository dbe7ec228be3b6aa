/**
 * The messages of a drafted or finalized year: one summary with the ranking in the committee
 * channel, and each secretary's own branch card in a DM. Keyed by year and stage, so a job run
 * again sends nothing twice.
 */

import type { AssessmentPresenter, YearView } from "../../ports/assessment.ts";
import type { DeliveryRequest } from "../outbox/enqueue.ts";

export function yearMessages(
  view: YearView,
  presenter: AssessmentPresenter,
  committeeChannel: string,
): DeliveryRequest[] {
  const stage = view.state;
  const summary = presenter.summary(view);
  const requests: DeliveryRequest[] = [
    {
      dedupeKey: `assessment:${view.year}:${stage}:summary`,
      method: "chat.postMessage",
      payload: { channel: committeeChannel, text: summary.text, blocks: summary.blocks },
    },
  ];
  for (const card of view.cards) {
    const message = presenter.card(view, card);
    for (const user of card.secretaries) {
      requests.push({
        dedupeKey: `assessment:${view.year}:${stage}:card:${card.branchKey}:${user}`,
        method: "dm",
        payload: { user, text: message.text, blocks: message.blocks },
      });
    }
  }
  return requests;
}
