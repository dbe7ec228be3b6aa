/**
 * The channel notice of a session. It mentions the session's speakers and nobody else
 * (mentions notify; the coming order lives in `/pbb lectures`). The same builder renders the
 * notice after a swap (`state: "updated"`) or a cancellation, so an update never drifts.
 */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { context, divider, header, mention, section } from "../../blocks.ts";
import { esc, formatDate, formatWhen, mentions } from "./format.ts";
import type { LectureMessage, NoticeView } from "./model.ts";

export function buildLectureNotice(v: NoticeView, t: Translator): LectureMessage {
  const when = formatWhen(v.startsAt, v.timezone, t);
  const date = formatDate(v.date, t);
  const title = v.seq
    ? t("lecture.notice.headerNumbered", { seq: v.seq, date })
    : t("lecture.notice.header", { date });
  if (v.state === "cancelled") {
    return {
      text: t("lecture.notice.cancelledText", { when }),
      blocks: [header(title), section(`~${when}~\n${t("lecture.notice.cancelled")}`)],
    };
  }
  const speakerIds = v.speakers.map((s) => s.userId);
  const who = mentions(speakerIds, t);
  const lines = [t("lecture.notice.when", { when })];
  if (v.place) lines.push(t("lecture.notice.place", { place: esc(v.place) }));
  lines.push(
    t(speakerIds.length > 1 ? "lecture.notice.speakers" : "lecture.notice.speaker", {
      speakers: who,
    }),
  );
  const blocks: KnownBlock[] = [header(title), section(lines.join("\n"))];
  blocks.push(section(topicLines(v, t)));
  blocks.push(divider());
  const notes = [t("lecture.notice.footer")];
  if (v.state === "updated") notes.unshift(t("lecture.notice.updated"));
  blocks.push(context(...notes));
  return { text: t("lecture.notice.text", { when, speakers: who }), blocks };
}

function topicLines(v: NoticeView, t: Translator): string {
  const withTopic = v.speakers.filter((s) => s.topic);
  if (withTopic.length === 0) return t("lecture.notice.topicPending");
  if (v.speakers.length === 1)
    return t("lecture.notice.topic", { topic: esc(withTopic[0]?.topic ?? "") });
  return withTopic
    .map((s) =>
      t("lecture.notice.topicOf", { speaker: mention(s.userId), topic: esc(s.topic ?? "") }),
    )
    .join("\n");
}
