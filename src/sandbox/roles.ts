/**
 * The person switcher's groups, from the org in force: the committee (admins first), the branch
 * secretaries, then the members, each with their role — and this week's lecture speaker marked,
 * so whoever walks the demo sees whom to act as.
 */
import type { Org } from "../config/org-schema.ts";
import type { Translator } from "../i18n/index.ts";
import type { PersonGroup } from "./render/screen.ts";

export function switcherGroups(
  org: Org,
  t: Translator,
  speakers: ReadonlySet<string>,
): PersonGroup[] {
  const hints = new Map<string, string[]>();
  const add = (id: string, hint: string) => hints.set(id, [...(hints.get(id) ?? []), hint]);
  const committee = [
    ...org.committee.admins,
    ...org.committee.members.filter((id) => !org.committee.admins.includes(id)),
  ];
  for (const id of committee)
    add(
      id,
      t(org.committee.admins.includes(id) ? "sandbox.role.admin" : "sandbox.role.committeeMember"),
    );
  const secretaries: string[] = [];
  const members: string[] = [];
  for (const b of org.branches) {
    for (const id of b.secretaries) {
      add(id, t("sandbox.role.secretary", { branch: b.name }));
      if (!committee.includes(id) && !secretaries.includes(id)) secretaries.push(id);
    }
    for (const id of b.members) {
      if (b.secretaries.includes(id)) continue;
      add(id, t("sandbox.role.member", { branch: b.name }));
      if (![...committee, ...secretaries, ...members].includes(id)) members.push(id);
    }
  }
  for (const id of speakers) add(id, t("sandbox.role.speaker"));
  const people = (ids: string[]) => ids.map((id) => ({ id, hint: hints.get(id)?.join("; ") }));
  return [
    { label: t("sandbox.role.committee"), people: people(committee) },
    { label: t("sandbox.role.secretaries"), people: people(secretaries) },
    { label: t("sandbox.role.members"), people: people(members) },
  ].filter((g) => g.people.length > 0);
}
