/** The round's announcement in the committee channel and the inspecting teams' DMs. */
import type { Translator } from "../../../i18n/index.ts";
import type {
  InspectionsPresenter,
  RoundAnnouncement,
  TeamNotice,
} from "../../../services/inspections/port.ts";
import { esc } from "../tasklist/format.ts";

const mention = (user: string) => `<@${user}>`;

export function inspectionsPresenter(t: Translator): InspectionsPresenter {
  const kind = (k: string) => t(`inspections.kind.${k}` as Parameters<Translator>[0]);
  return {
    announcement(a: RoundAnnouncement): string {
      const head = { kind: kind(a.kind), period: a.period, opens: a.opensOn, closes: a.closesOn };
      if (a.skipped) return t(`inspections.announce.skipped.${a.skipped}`, head);
      return [
        t("inspections.announce.title", head),
        ...a.lines.map((l) =>
          t("inspections.announce.line", {
            inspector: "user" in l.inspector ? mention(l.inspector.user) : esc(l.inspector.branch),
            branch: esc(l.branch),
          }),
        ),
        ...a.conflicts.map((c) =>
          t(`inspections.announce.conflict.${c.reason}`, { branch: esc(c.branch) }),
        ),
      ].join("\n");
    },
    teamNotice(n: TeamNotice): string {
      return t("inspections.team.dm", {
        kind: kind(n.kind),
        period: n.period,
        closes: n.closesOn,
        branch: esc(n.branch),
      });
    },
  };
}
