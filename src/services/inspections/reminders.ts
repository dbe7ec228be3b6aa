/**
 * The `rectification-reminders` run of one day: each open item's owner hears of it from 3 working
 * days before its due date, and on it; once a week the committee gets the overdue items. Every
 * message is keyed (item + kind + due date + owner; the week), so a re-run or a catch-up sends
 * nothing twice, and an item reassigned after its reminder went out brings the reminder in
 * effect to its new owner on the next run (the old one hears no more: reminders go to the owner).
 */
import { findDeliveryByKey } from "../../db/repositories/deliveries.ts";
import { unverifiedRectifications } from "../../db/repositories/inspections.ts";
import type { LocalDate } from "../../domain/calendar.ts";
import { isOverdueOn, reminderOn, weekOf, workingDaysUntil } from "../../domain/rectification.ts";
import type { InspectionsPresenter } from "../../ports/inspections.ts";
import type { Deps } from "../kit/result.ts";
import { inTx, type Tx } from "../kit/tx.ts";
import { calendarOf } from "../org/calendar-settings.ts";
import { currentOrgRecord } from "../org/current.ts";
import { orgTranslator } from "../org/locale.ts";
import { enqueueDelivery, enqueueUpdate } from "../outbox/enqueue.ts";
import { type PresenterFor, rectificationView } from "./views.ts";

/** The committee's overdue list of the week `today` is in: one message a week. */
const overdueListKey = (today: LocalDate) => `inspections:overdue:${weekOf(today)}`;

const overdueOn = (items: Awaited<ReturnType<typeof unverifiedRectifications>>, today: LocalDate) =>
  items.filter((i) => isOverdueOn({ state: "OPEN", dueOn: i.dueOn }, today));

/**
 * The week's overdue list, shown again as of `today` after `change` (an item handed to another
 * owner), so the committee channel does not keep naming the old owner. Nothing when the week
 * has no list.
 */
export async function refreshOverdueList(
  tx: Tx,
  p: InspectionsPresenter,
  today: LocalDate,
  change: string,
): Promise<boolean> {
  const key = overdueListKey(today);
  if (!(await findDeliveryByKey(tx, key))) return false;
  const overdue = overdueOn(await unverifiedRectifications(tx), today);
  return enqueueUpdate(tx, {
    key: `${key}:after:${change}`,
    postKey: key,
    known: { channel: null, ts: null },
    message: p.overdue(overdue.map(rectificationView), today),
  });
}

export async function remindRectifications(
  deps: Deps,
  present: PresenterFor,
  today: LocalDate,
): Promise<{ reminded: number; overdue: number; escalated: boolean }> {
  const org = await currentOrgRecord(deps.db);
  if (!org) return { reminded: 0, overdue: 0, escalated: false };
  const calendar = calendarOf(org.settings, org.timezone);
  const p = present(await orgTranslator(deps.db));
  return inTx(deps.db, async (tx) => {
    const items = await unverifiedRectifications(tx);
    let reminded = 0;
    for (const item of items) {
      const when = reminderOn(calendar, { state: item.state as "OPEN", dueOn: item.dueOn }, today);
      if (!when) continue;
      const sent = await enqueueDelivery(tx, {
        dedupeKey: `inspections:rect:${item.id}:remind:${when}:${item.dueOn}:${item.ownerId}`,
        method: "dm",
        payload: {
          user: item.ownerId,
          ...p.reminder(
            rectificationView(item),
            when,
            workingDaysUntil(calendar, today, item.dueOn),
          ),
        },
      });
      if (sent) reminded += 1;
    }
    const overdue = overdueOn(items, today);
    const escalated =
      overdue.length > 0 &&
      (await enqueueDelivery(tx, {
        dedupeKey: overdueListKey(today),
        method: "chat.postMessage",
        payload: {
          channel: org.committeeChannel,
          ...p.overdue(overdue.map(rectificationView), today),
        },
      }));
    return { reminded, overdue: overdue.length, escalated };
  });
}
