/**
 * The App Home (views.publish): a section per role the person has, within Slack's 100 blocks.
 * Long lists are summarized by state and paged; the last resort is a cut with a note.
 */
import type { HomeView, KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { context, divider, section } from "../../blocks.ts";
import { HOME_BLOCK, HOME_CALLBACK } from "../../ids/home.ts";
import { assessmentBlocks } from "./assessment.ts";
import { committeeBlocks } from "./committee.ts";
import { dutyHomeBlocks } from "./duties.ts";
import { inspectionsHomeBlocks } from "./inspections.ts";
import { memberBlocks } from "./member.ts";
import type { HomeModel } from "./model.ts";
import { plansBlocks } from "./plans.ts";
import { secretaryBlocks } from "./secretary.ts";
import { serviceBlocks } from "./service-list.ts";
import { studyBlocks } from "./study.ts";

export const MAX_HOME_BLOCKS = 100;
/** Secretaries of many branches get item buttons on the first ones only. */
const BRANCHES_WITH_ITEMS = 3;

function withinLimit(blocks: KnownBlock[], t: Translator): KnownBlock[] {
  if (blocks.length <= MAX_HOME_BLOCKS) return blocks;
  return [...blocks.slice(0, MAX_HOME_BLOCKS - 1), context(t("home.truncated"))];
}

export function buildHomeView(m: HomeModel, t: Translator): HomeView {
  const parts: KnownBlock[][] = [];
  if (m.committee) parts.push(committeeBlocks(m.committee, m.tz, t));
  for (const [i, s] of m.secretary.entries()) {
    parts.push(secretaryBlocks(s, m.tz, t, { items: i < BRANCHES_WITH_ITEMS }));
  }
  if (m.plans) parts.push(plansBlocks(m.plans, t));
  if (m.member) parts.push(memberBlocks(m.member, m.tz, t));
  if (m.study) parts.push(studyBlocks(m.study, t));
  if (m.service) parts.push(serviceBlocks(m.service, t));
  if (m.assessment) parts.push(assessmentBlocks(m.assessment, t));
  if (m.duties) parts.push(dutyHomeBlocks(m.duties, t));
  if (m.inspections) parts.push(inspectionsHomeBlocks(m.inspections, t));
  if (parts.length === 0) parts.push([section(t("home.nobody"))]);
  const blocks = parts.flatMap((p, i) => (i === 0 ? p : [divider(), ...p]));
  const notice = m.notice ? [section(m.notice, { block_id: HOME_BLOCK.notice })] : [];
  return {
    type: "home",
    callback_id: HOME_CALLBACK,
    blocks: withinLimit([...notice, ...blocks], t),
  };
}
