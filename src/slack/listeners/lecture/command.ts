/**
 * `/pbb lectures`: the next sessions, coming order and history (ephemeral, org language);
 * `calendar [revoke]`: the person's secret feed URLs (roster and committee only; shown once,
 * when made; `revoke` renews them); `calendar rotate`: an admin revokes every whole-schedule link;
 * `not-held <date>` / `held <date>`: an admin records whether a past session took place.
 */
import type { Translator } from "../../../i18n/index.ts";
import {
  calendarTokens,
  feedUrl,
  rotateScheduleTokens,
} from "../../../services/lecture/calendar.ts";
import { recordHeld } from "../../../services/lecture/held.ts";
import { errorKey } from "../../../services/lecture/result.ts";
import { lecturesSummary } from "../../../services/lecture/summary.ts";
import { refusalText } from "../../reply.ts";
import { buildLecturesSummary, formatDate } from "../../views/lecture/index.ts";
import type { Subcommand, SubcommandArgs } from "../commands/pbb-subcommands.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function summary({ ctx, respond }: SubcommandArgs): Promise<void> {
  const shown = await lecturesSummary(ctx);
  const message = shown.ok
    ? buildLecturesSummary(shown.view, shown.env.t)
    : { text: await refusalText(ctx, errorKey(shown.error)) };
  await respond({ response_type: "ephemeral", ...message });
}

async function calendar({ ctx, command, args, t, respond }: SubcommandArgs): Promise<void> {
  const sub = args[1]?.toLowerCase();
  if (sub === "rotate") {
    const source = "/pbb lectures calendar rotate";
    const rotated = await rotateScheduleTokens(ctx, { actor: command.user_id, source });
    const text = rotated.ok
      ? t("lecture.calendar.rotated", { count: rotated.revoked })
      : t("lecture.calendar.rotateRefused");
    await respond({ response_type: "ephemeral", text });
    return;
  }
  const revoke = sub === "revoke";
  const made = await calendarTokens(ctx, { userId: command.user_id, revoke });
  if (!made.ok) {
    await respond({
      response_type: "ephemeral",
      text: await refusalText(ctx, errorKey(made.error)),
    });
    return;
  }
  const base = ctx.http.baseUrl();
  const { personal, schedule } = made.links;
  const text =
    personal && schedule
      ? t(revoke ? "lecture.calendar.revoked" : "lecture.calendar.urls", {
          personal: feedUrl(base, personal),
          schedule: feedUrl(base, schedule),
        })
      : personal
        ? t("lecture.calendar.personalNew", { personal: feedUrl(base, personal) })
        : schedule
          ? t("lecture.calendar.scheduleNew", { schedule: feedUrl(base, schedule) })
          : t("lecture.calendar.existing");
  await respond({ response_type: "ephemeral", text });
}

async function held({ ctx, command, args, t, respond }: SubcommandArgs): Promise<void> {
  const date = args[1] ?? "";
  const wasHeld = args[0]?.toLowerCase() === "held";
  if (!DATE.test(date)) {
    await respond({ response_type: "ephemeral", text: t("lecture.command.usage") });
    return;
  }
  const source = `/pbb lectures ${args[0]}`;
  const result = await recordHeld(ctx, { userId: command.user_id, date, held: wasHeld, source });
  const text = result.ok
    ? t(wasHeld ? "lecture.held.done" : "lecture.notHeld.done", { date: formatDate(date, t) })
    : await refusalText(ctx, errorKey(result.error));
  await respond({ response_type: "ephemeral", text });
}

const ROUTES: Record<string, (a: SubcommandArgs) => Promise<void>> = {
  calendar,
  "not-held": held,
  held,
};

export const lecturesSubcommand: Subcommand = {
  name: "lectures",
  usage: "lectures [calendar [revoke | rotate] | not-held <date>]",
  describe: (t: Translator) => t("lecture.command.describe"),
  async run(a) {
    const route = a.args[0] ? ROUTES[a.args[0].toLowerCase()] : summary;
    if (route) await route(a);
    else await a.respond({ response_type: "ephemeral", text: a.t("lecture.command.usage") });
  },
};
