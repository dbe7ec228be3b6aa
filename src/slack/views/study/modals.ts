/**
 * The study modals (new session, excuse, attendance, make-up) and their validation: each
 * validator returns the field errors for `response_action: "errors"`, or the clean value.
 */
import type { KnownBlock, ModalView } from "@slack/types";
import {
  type Material,
  parseMaterials,
  STUDY_KINDS,
  type StudyKind,
  TOPIC_MAX,
} from "../../../domain/study.ts";
import { formatDateTime } from "../../../i18n/dates.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type {
  AttendanceForm,
  ExcuseForm,
  MakeUpForm,
  NewSessionForm,
} from "../../../ports/study.ts";
import { featureModal, input, option, plain, section } from "../../blocks.ts";
import { STUDY_ACTION, STUDY_BLOCK, STUDY_CALLBACK } from "../../ids/study.ts";
import {
  datePicker,
  type ModalValues,
  optionalInput,
  staticSelect,
  textBox,
  usersPicker,
  type Validation,
} from "../../inputs.ts";
import { esc } from "../lecture/format.ts";
import { materialLines } from "./messages.ts";

const modal = featureModal("study.modal.submit", "study.modal.close");

export function buildNewSessionModal(f: NewSessionForm, t: Translator): ModalView {
  const kinds = f.kinds.map((k) => option(t(`study.kind.${k}`), k));
  const blocks: KnownBlock[] = [
    input(STUDY_BLOCK.kind, t("study.new.kind"), staticSelect(STUDY_ACTION.kind, kinds, kinds[0])),
  ];
  if (f.branches.length > 0) {
    blocks.push(
      optionalInput(
        STUDY_BLOCK.branch,
        t("study.new.branch"),
        staticSelect(
          STUDY_ACTION.branch,
          f.branches.slice(0, 100).map((b) => option(b.name, b.key)),
        ),
        { hint: plain(t("study.new.branchHint")) },
      ),
    );
  }
  blocks.push(
    input(STUDY_BLOCK.date, t("study.new.date"), datePicker(STUDY_ACTION.date, f.today)),
    input(STUDY_BLOCK.time, t("study.new.time"), {
      type: "timepicker",
      action_id: STUDY_ACTION.time,
      initial_time: "09:00",
    }),
    input(
      STUDY_BLOCK.topic,
      t("study.new.topic"),
      textBox(STUDY_ACTION.topic, { max: TOPIC_MAX, placeholder: t("study.new.topicPlaceholder") }),
    ),
    optionalInput(
      STUDY_BLOCK.materials,
      t("study.new.materials"),
      textBox(STUDY_ACTION.materials, {
        multiline: true,
        max: 3000,
        placeholder: t("study.new.materialsPlaceholder"),
      }),
      { hint: plain(t("study.new.materialsHint")) },
    ),
    optionalInput(
      STUDY_BLOCK.expected,
      t("study.new.expected"),
      usersPicker(STUDY_ACTION.expected),
      { hint: plain(t("study.new.expectedHint")) },
    ),
  );
  return modal(STUDY_CALLBACK.newSession, t("study.new.title"), "", blocks, t);
}

export interface NewSessionValues {
  kind: StudyKind;
  branchKey: string | null;
  date: string;
  time: string;
  topic: string;
  materials: Material[];
  expected: string[];
}

export function readNewSession(values: ModalValues, t: Translator): Validation<NewSessionValues> {
  const v = (block: string, action: string) => values[block]?.[action];
  const errors: Record<string, string> = {};
  const kind = v(STUDY_BLOCK.kind, STUDY_ACTION.kind)?.selected_option?.value as
    | StudyKind
    | undefined;
  if (!kind || !STUDY_KINDS.includes(kind)) errors[STUDY_BLOCK.kind] = t("study.new.error.kind");
  const branchKey = v(STUDY_BLOCK.branch, STUDY_ACTION.branch)?.selected_option?.value ?? null;
  if (kind === "branch-study" && !branchKey)
    errors[STUDY_BLOCK.branch] = t("study.new.error.branch");
  const date = v(STUDY_BLOCK.date, STUDY_ACTION.date)?.selected_date ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors[STUDY_BLOCK.date] = t("study.new.error.date");
  const time = v(STUDY_BLOCK.time, STUDY_ACTION.time)?.selected_time ?? "";
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors[STUDY_BLOCK.time] = t("study.new.error.time");
  const topic = (v(STUDY_BLOCK.topic, STUDY_ACTION.topic)?.value ?? "").replace(/\s+/g, " ").trim();
  if (topic === "") errors[STUDY_BLOCK.topic] = t("study.error.topic-empty");
  const parsed = parseMaterials(v(STUDY_BLOCK.materials, STUDY_ACTION.materials)?.value ?? "");
  if (!parsed.ok)
    errors[STUDY_BLOCK.materials] = t("study.new.error.material", { line: parsed.line });
  const expected = v(STUDY_BLOCK.expected, STUDY_ACTION.expected)?.selected_users ?? [];
  if (Object.keys(errors).length > 0 || !kind || !parsed.ok) return { ok: false, errors };
  return {
    ok: true,
    value: { kind, branchKey, date, time, topic, materials: parsed.materials, expected },
  };
}

/** Where a refusal of the service shows in the new-session modal. */
export const NEW_SESSION_FIELD: Partial<Record<string, string>> = {
  "topic-empty": STUDY_BLOCK.topic,
  "topic-too-long": STUDY_BLOCK.topic,
  "in-the-past": STUDY_BLOCK.date,
  "no-one-expected": STUDY_BLOCK.expected,
  "no-branch": STUDY_BLOCK.branch,
  "not-organiser": STUDY_BLOCK.kind,
};

const heading = (s: ExcuseForm["session"], t: Translator) =>
  section(
    `*${esc(s.topic)}*\n${formatDateTime(s.startsAt, s.timezone, t)}\n${materialLines(s, t)}`,
  );

/** A session's modal with one text to type: the excuse's reason, the make-up's note. */
function sessionTextModal(
  f: ExcuseForm | MakeUpForm,
  t: Translator,
  kind: "excuse" | "makeUp",
  field: "reason" | "note",
  box: { multiline?: boolean; max: number },
): ModalView {
  const label = t(`study.${kind}.${field}` as MessageKey);
  const blocks = [
    heading(f.session, t),
    input(STUDY_BLOCK[field], label, textBox(STUDY_ACTION[field], box)),
  ];
  return modal(STUDY_CALLBACK[kind], t(`study.${kind}.title`), String(f.sessionId), blocks, t);
}

export const buildExcuseModal = (f: ExcuseForm, t: Translator): ModalView =>
  sessionTextModal(f, t, "excuse", "reason", { max: 300 });

export function buildAttendanceModal(f: AttendanceForm, t: Translator): ModalView {
  return modal(
    STUDY_CALLBACK.attendance,
    t("study.attendance.title"),
    String(f.sessionId),
    [
      heading(f.session, t),
      section(t("study.attendance.intro", { expected: f.expected.length })),
      optionalInput(
        STUDY_BLOCK.present,
        t("study.attendance.present"),
        usersPicker(STUDY_ACTION.present, f.present),
      ),
      optionalInput(
        STUDY_BLOCK.excused,
        t("study.attendance.excused"),
        usersPicker(STUDY_ACTION.excused, f.excused),
        { hint: plain(t("study.attendance.absentHint")) },
      ),
    ],
    t,
  );
}

export const buildMakeUpModal = (f: MakeUpForm, t: Translator): ModalView =>
  sessionTextModal(f, t, "makeUp", "note", { multiline: true, max: 2000 });
