/**
 * `pbb calendar rotate`: revoke every whole-schedule calendar link (the operator's twin of an
 * admin's `/pbb lectures calendar rotate`); roster and committee members then ask
 * `/pbb lectures calendar` for a new one. Personal links stay.
 */
import { rotateScheduleTokens } from "../../services/lecture/calendar.ts";
import type { CommandContext, CommandRegistrar } from "../command-context.ts";

export async function calendarRotate(ctx: CommandContext): Promise<number> {
  const rotated = await rotateScheduleTokens(
    { db: ctx.db, now: ctx.now },
    { actor: null, source: "pbb calendar rotate" },
  );
  if (!rotated.ok) {
    ctx.io.err(`calendar rotate: refused (${rotated.error})`);
    return 1;
  }
  ctx.io.out(
    `revoked ${rotated.revoked} whole-schedule calendar link(s); people ask /pbb lectures calendar for a new one`,
  );
  return 0;
}

export const registerCalendarCommands: CommandRegistrar = (program, run) => {
  program
    .command("calendar")
    .description("the lecture hall's calendar feeds")
    .command("rotate")
    .description("revoke every whole-schedule calendar link (personal links stay)")
    .action(() => run(calendarRotate));
};
