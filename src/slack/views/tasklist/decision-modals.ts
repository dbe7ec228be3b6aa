/** The committee's modals: return with a (required) comment, and the read-only full list. */
import type { KnownBlock, ModalView } from "@slack/types";
import { groupByCategory } from "../../../domain/task-list-items.ts";
import type { Translator } from "../../../i18n/index.ts";
import { context, header, input, mention, modalView, section } from "../../blocks.ts";
import { TASKLIST_ACTION, TASKLIST_BLOCK, TASKLIST_CALLBACK } from "../../ids/tasklist.ts";
import { textBox } from "../../inputs.ts";
import { categoryLabel, esc, itemLine, periodLabel } from "./format.ts";
import type { FullListView, RevisionView } from "./model.ts";
import { revisionMetadata } from "./refs.ts";

export const MAX_COMMENT = 2000;

const metadataOf = (v: RevisionView | FullListView): string =>
  revisionMetadata({
    listId: v.listId,
    branchKey: v.branch.key,
    period: v.period,
    revision: v.revision,
  });

export function buildReturnModal(v: RevisionView, t: Translator): ModalView {
  const p = {
    branch: esc(v.branch.name),
    month: periodLabel(v.period, t),
    revision: v.revision,
    by: mention(v.submittedBy),
  };
  return modalView({
    callbackId: TASKLIST_CALLBACK.returnModal,
    title: t("tasklist.returnModal.title"),
    submit: t("tasklist.returnModal.submit"),
    close: t("tasklist.modal.close"),
    metadata: metadataOf(v),
    blocks: [
      section(t("tasklist.returnModal.intro", p)),
      input(
        TASKLIST_BLOCK.returnComment,
        t("tasklist.returnModal.label"),
        textBox(TASKLIST_ACTION.returnComment, {
          multiline: true,
          min: 1,
          max: MAX_COMMENT,
          placeholder: t("tasklist.returnModal.placeholder"),
        }),
      ),
    ],
  });
}

/** Every item with its details, by category: at most 6 headers and 15 sections. */
export function buildFullListModal(v: FullListView, t: Translator): ModalView {
  const p = { branch: esc(v.branch.name), month: periodLabel(v.period, t), revision: v.revision };
  const blocks: KnownBlock[] = [section(t("tasklist.full.intro", p))];
  for (const g of groupByCategory(v.items)) {
    blocks.push(header(categoryLabel(g.category, t)));
    for (const item of g.items) {
      const expected = item.expectedResult
        ? `\n${t("tasklist.item.expected", { text: esc(item.expectedResult) })}`
        : "";
      blocks.push(
        section(`${itemLine(item, t, { status: item.status !== undefined })}${expected}`),
      );
    }
  }
  if (v.items.length === 0) blocks.push(context(t("tasklist.committee.noItems")));
  return modalView({
    callbackId: TASKLIST_CALLBACK.fullListModal,
    title: t("tasklist.full.title"),
    submit: null,
    close: t("tasklist.full.close"),
    metadata: metadataOf(v),
    blocks: blocks.slice(0, 100),
  });
}
