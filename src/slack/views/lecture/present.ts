/** The lecture hall's presenter: what its use cases are given to render their messages. */
import type { LecturePresenter } from "../../../ports/lecture.ts";
import { buildClassRepDm } from "./class-rep.ts";
import { validateSwapPick } from "./modals.ts";
import { buildLectureNotice } from "./notice.ts";
import { buildSpeakerDm } from "./speaker-dm.ts";
import { buildSwapOutcomeDm, buildSwapRequestDm } from "./swap-dms.ts";

export const lecturePresenter: LecturePresenter = {
  notice: buildLectureNotice,
  speakerDm: buildSpeakerDm,
  classRepDm: buildClassRepDm,
  swapRequestDm: buildSwapRequestDm,
  swapOutcomeDm: buildSwapOutcomeDm,
  swapPick: validateSwapPick,
};
