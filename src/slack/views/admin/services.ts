/**
 * The branch modal's services: one row of inputs a service (what, category, how often, lead),
 * the branch's services first, then a few empty rows to add more.
 *
 * Why a fixed number of rows and not an "add a service" button updating the view: the rows are
 * all there when the modal opens, so nothing depends on a `views.update` racing the admin's
 * typing (a `hash_conflict` loses the update, an update without the hash can lose what was just
 * typed), on Slack keeping typed values across an update, or on the view stack; the submission
 * carries every row. A service is removed by clearing its description, because Slack offers no
 * way to clear a select once picked: a row without a description states no service, whatever
 * its selects say. More services than the rows hold are added by saving and opening the modal
 * again (it shows the saved ones and fresh empty rows).
 */
import type { KnownBlock, PlainTextOption } from "@slack/types";
import type { BranchService } from "../../../config/org-service-list.ts";
import { SERVICE_CATEGORIES, SERVICE_FREQUENCIES } from "../../../domain/service-list.ts";
import type { Translator } from "../../../i18n/index.ts";
import { context, header, option, plain } from "../../blocks.ts";
import { type ServicePart, serviceField } from "../../ids/admin.ts";
import { field, select, text, user } from "./elements.ts";

/**
 * At most this many rows (4 blocks each: 60 of the modal's 100 blocks, the branch's own fields
 * and the headings take at most 11); a branch's services after them are not shown and stay.
 */
export const MAX_SERVICE_ROWS = 15;
/** Empty rows after the branch's services, while the rows last. */
export const SPARE_SERVICE_ROWS = 3;
/** Slack's longest text input: the org file sets no limit on a description. */
const WHAT_MAX = 3000;

export const categoryOptions = (t: Translator): PlainTextOption[] =>
  SERVICE_CATEGORIES.map((c) => option(t(`serviceList.category.${c}`), c));

export const frequencyOptions = (t: Translator): PlainTextOption[] =>
  SERVICE_FREQUENCIES.map((f) => option(t(`serviceList.frequency.${f}`), f));

/**
 * How many of `services` the modal shows: the first ones, as many as the rows hold, up to one
 * whose description is longer than a text input takes (Slack would refuse the whole modal).
 */
export function shownServices(services: readonly BranchService[]): number {
  const tooLong = services.findIndex((s) => s.what.length > WHAT_MAX);
  return Math.min(tooLong === -1 ? services.length : tooLong, MAX_SERVICE_ROWS);
}

function row(i: number, s: BranchService | undefined, t: Translator): KnownBlock[] {
  const id = (part: ServicePart) => serviceField(i, part);
  const n = i + 1;
  const optional = { optional: true };
  return [
    field(
      id("what"),
      t("admin.branch.serviceWhat", { n }),
      text(id("what"), s?.what ?? "", WHAT_MAX),
      optional,
    ),
    field(
      id("category"),
      t("admin.branch.serviceCategory", { n }),
      select(id("category"), categoryOptions(t), s?.category),
      optional,
    ),
    field(
      id("frequency"),
      t("admin.branch.serviceFrequency", { n }),
      select(id("frequency"), frequencyOptions(t), s?.frequency),
      optional,
    ),
    field(id("lead"), t("admin.branch.serviceLead", { n }), user(id("lead"), s?.lead), {
      ...optional,
      hint: plain(t("admin.branch.serviceLeadHint")),
    }),
  ];
}

/** The services' heading and rows for a branch whose services are `services`. */
export function serviceRows(services: readonly BranchService[], t: Translator): KnownBlock[] {
  const shown = shownServices(services);
  const count = Math.min(shown + SPARE_SERVICE_ROWS, MAX_SERVICE_ROWS);
  const more = services.length - shown;
  return [
    header(t("admin.branch.services")),
    context(t("admin.branch.servicesHint")),
    ...(more > 0 ? [context(t("admin.branch.servicesMore", { count: more }))] : []),
    ...Array.from({ length: count }, (_, i) => row(i, services[i], t)).flat(),
  ];
}
