/**
 * The service list's modals: registering one's residential community, reporting a service, a
 * secretary's query. Field errors come back on their block (`response_action: "errors"`).
 */
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import {
  EVIDENCE_FILETYPES,
  type EvidenceFile,
  REPORT_MAX_FILES,
} from "../../../domain/evidence-files.ts";
import type { ServiceReportDraft, ServiceReportProblem } from "../../../domain/service-list.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { QueryForm, RegisterForm, ReportForm } from "../../../ports/service-list.ts";
import { featureModal, input, option, plain, section } from "../../blocks.ts";
import { SERVICE_ACTION, SERVICE_BLOCK, SERVICE_CALLBACK } from "../../ids/service-list.ts";
import type { ModalValues } from "../../inputs.ts";
import { reportLine } from "./messages.ts";

const modal = featureModal("serviceList.modal.submit", "serviceList.modal.close");

export function buildRegisterModal(f: RegisterForm, t: Translator): ModalView {
  return modal(
    SERVICE_CALLBACK.register,
    t("serviceList.register.title"),
    "",
    [
      input(
        SERVICE_BLOCK.community,
        t("serviceList.register.community"),
        {
          type: "plain_text_input",
          action_id: SERVICE_ACTION.community,
          max_length: 100,
          ...(f.current ? { initial_value: f.current } : {}),
        },
        { hint: plain(t("serviceList.register.hint")) },
      ),
    ],
    t,
  );
}

/** A text field of the service list's modals: its block, action, label and options. */
export function textField(
  block: string,
  action: string,
  label: string,
  o: { max: number; multiline?: boolean; hint?: string; optional?: boolean; placeholder?: string },
): InputBlock {
  return input(
    block,
    label,
    {
      type: "plain_text_input",
      action_id: action,
      max_length: o.max,
      ...(o.multiline ? { multiline: true } : {}),
      ...(o.placeholder ? { placeholder: plain(o.placeholder) } : {}),
    },
    { ...(o.optional ? { optional: true } : {}), ...(o.hint ? { hint: plain(o.hint) } : {}) },
  );
}

/** A select of the service list's modals (at most 100 options), with its first choice. */
export function selectField(
  block: string,
  action: string,
  label: string,
  options: PlainTextOption[],
  initial?: PlainTextOption,
): InputBlock {
  return input(block, label, {
    type: "static_select",
    action_id: action,
    options,
    ...(initial ? { initial_option: initial } : {}),
  });
}

/** The optional evidence upload of the report and progress modals (types: evidence-files.ts). */
export function evidenceFileField(label: string, maxFiles: number, t: Translator): InputBlock {
  return input(
    SERVICE_BLOCK.file,
    label,
    {
      type: "file_input",
      action_id: SERVICE_ACTION.file,
      filetypes: [...EVIDENCE_FILETYPES],
      max_files: maxFiles,
    },
    { optional: true, hint: plain(t("serviceList.evidence.fileHint")) },
  );
}

/** The files uploaded in a modal's evidence field, as the policy and the ledgers read them. */
export function readEvidenceFiles(values: ModalValues): EvidenceFile[] {
  return (field(values, SERVICE_BLOCK.file, SERVICE_ACTION.file)?.files ?? []).map((f) => ({
    id: f.id,
    name: f.name ?? f.title ?? f.id,
    size: Number(f.size ?? 0),
    permalink: f.permalink ?? null,
  }));
}

/** At most 100 options in a select: the member's own communities come first. */
const MAX_OPTIONS = 100;

export function buildReportModal(f: ReportForm, t: Translator): ModalView {
  const communities = f.communities.slice(0, MAX_OPTIONS).map((c) => option(c, c.slice(0, 150)));
  const categories = f.categories.map((c) => option(t(`serviceList.category.${c}`), c));
  const blocks: KnownBlock[] = [
    input(SERVICE_BLOCK.date, t("serviceList.report.date"), {
      type: "datepicker",
      action_id: SERVICE_ACTION.date,
      initial_date: f.today,
    }),
    communities.length > 0
      ? selectField(
          SERVICE_BLOCK.reportCommunity,
          SERVICE_ACTION.reportCommunity,
          t("serviceList.report.community"),
          communities,
          communities[0],
        )
      : textField(
          SERVICE_BLOCK.reportCommunity,
          SERVICE_ACTION.reportCommunity,
          t("serviceList.report.community"),
          { max: 100, hint: t("serviceList.report.communityHint") },
        ),
    selectField(
      SERVICE_BLOCK.category,
      SERVICE_ACTION.category,
      t("serviceList.report.category"),
      categories,
    ),
    textField(SERVICE_BLOCK.hours, SERVICE_ACTION.hours, t("serviceList.report.hours"), {
      max: 5,
      hint: t("serviceList.report.hoursHint"),
    }),
    textField(SERVICE_BLOCK.what, SERVICE_ACTION.what, t("serviceList.report.what"), {
      max: 1000,
      multiline: true,
    }),
    textField(SERVICE_BLOCK.link, SERVICE_ACTION.link, t("serviceList.report.link"), {
      max: 500,
      optional: true,
      hint: t("serviceList.report.linkHint"),
    }),
    evidenceFileField(t("serviceList.report.file"), REPORT_MAX_FILES, t),
  ];
  return modal(SERVICE_CALLBACK.report, t("serviceList.report.title"), "", blocks, t);
}

export function buildQueryModal(f: QueryForm, t: Translator): ModalView {
  return modal(
    SERVICE_CALLBACK.query,
    t("serviceList.query.title"),
    String(f.report.id),
    [
      section(reportLine(f.report, t, { who: true })),
      input(SERVICE_BLOCK.question, t("serviceList.query.question"), {
        type: "plain_text_input",
        action_id: SERVICE_ACTION.question,
        multiline: true,
        max_length: 1000,
      }),
    ],
    t,
  );
}

const field = (values: ModalValues, block: string, action: string) => values[block]?.[action];

export const readCommunity = (values: ModalValues): string =>
  field(values, SERVICE_BLOCK.community, SERVICE_ACTION.community)?.value ?? "";

export const readQuestion = (values: ModalValues): string =>
  field(values, SERVICE_BLOCK.question, SERVICE_ACTION.question)?.value ?? "";

/** The report modal's values as the member gave them (the domain checks them). */
export function readReport(values: ModalValues): ServiceReportDraft {
  const community = field(values, SERVICE_BLOCK.reportCommunity, SERVICE_ACTION.reportCommunity);
  return {
    date: field(values, SERVICE_BLOCK.date, SERVICE_ACTION.date)?.selected_date ?? "",
    community: community?.selected_option?.value ?? community?.value ?? "",
    category:
      field(values, SERVICE_BLOCK.category, SERVICE_ACTION.category)?.selected_option?.value ?? "",
    hours: field(values, SERVICE_BLOCK.hours, SERVICE_ACTION.hours)?.value ?? "",
    what: field(values, SERVICE_BLOCK.what, SERVICE_ACTION.what)?.value ?? "",
    link: field(values, SERVICE_BLOCK.link, SERVICE_ACTION.link)?.value ?? undefined,
    files: readEvidenceFiles(values),
  };
}

const PROBLEM_BLOCK: Record<ServiceReportProblem["field"], string> = {
  date: SERVICE_BLOCK.date,
  community: SERVICE_BLOCK.reportCommunity,
  category: SERVICE_BLOCK.category,
  hours: SERVICE_BLOCK.hours,
  what: SERVICE_BLOCK.what,
  link: SERVICE_BLOCK.link,
  file: SERVICE_BLOCK.file,
};

/** Each problem on its field, in the org's language. */
export function reportErrors(
  problems: readonly ServiceReportProblem[],
  t: Translator,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) errors[PROBLEM_BLOCK[p.field]] ??= t(`serviceList.error.${p.error}`);
  return errors;
}
