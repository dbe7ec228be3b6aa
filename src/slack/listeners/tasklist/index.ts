/** The monthly round-trip's Slack listeners (its jobs and more: src/features/tasklist.ts). */
import type { AppContext } from "../../../app/context.ts";
import type { ListenerApp } from "../../router.ts";
import { registerBranchButtons } from "./branch-buttons.ts";
import { registerCloseList } from "./close-list.ts";
import { registerDecide } from "./decide.ts";
import { registerListModalRows } from "./list-modal-rows.ts";
import { registerOpenListModal } from "./open-list-modal.ts";
import { registerReturnList } from "./return-list.ts";
import { registerSubmitList } from "./submit-list.ts";

export function registerTasklist(app: ListenerApp, ctx: AppContext): void {
  registerOpenListModal(app, ctx);
  registerListModalRows(app, ctx);
  registerSubmitList(app, ctx);
  registerCloseList(app, ctx);
  registerDecide(app, ctx);
  registerReturnList(app, ctx);
  registerBranchButtons(app, ctx);
}
