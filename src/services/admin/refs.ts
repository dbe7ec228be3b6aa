/**
 * Like `pbb org apply`, an admin change is checked against Slack: the bot must be able to post in
 * a channel newly named, and a person newly named must exist (their name and zone are stored).
 */
import type { Org } from "../../config/org-schema.ts";
import type { AdminField, AdminForm } from "../../slack/ids/admin.ts";
import {
  type ChannelCheck,
  joinChecked,
  type OrgResolver,
  type PersonInfo,
} from "../org/resolver.ts";
import type { FieldError } from "./fields.ts";

function channelsOf(org: Org): Set<string> {
  return new Set([
    org.committee.channel,
    ...org.branches.map((b) => b.channel),
    ...(org.lectureHall ? [org.lectureHall.channel] : []),
  ]);
}

function peopleOf(org: Org): Set<string> {
  return new Set([
    ...org.committee.members,
    ...org.committee.admins,
    ...org.branches.flatMap((b) => [
      ...b.secretaries,
      ...b.members,
      ...(b.classReps?.roster ?? []),
    ]),
    ...(org.lectureHall?.roster ?? []),
  ]);
}

/** The form's people fields, in the changed org. */
function formRefs(
  next: Org,
  form: AdminForm,
): { channel?: string; people: [AdminField, string[]][] } {
  switch (form) {
    case "committee":
      return {
        people: [
          ["members", next.committee.members],
          ["admins", next.committee.admins],
        ],
      };
    case "lecture":
      return { people: [["roster", next.lectureHall?.roster ?? []]] };
    case "branch":
      return {
        people: [
          ["secretaries", next.branches.flatMap((b) => b.secretaries)],
          ["members", next.branches.flatMap((b) => b.members)],
        ],
      };
    case "schedules":
      return { people: [] };
  }
}

export async function checkNewRefs(
  resolver: OrgResolver,
  before: Org,
  next: Org,
  form: AdminForm,
): Promise<{ errors: FieldError[]; people: Map<string, PersonInfo> }> {
  const errors: FieldError[] = [];
  const people = new Map<string, PersonInfo>();
  const oldChannels = channelsOf(before);
  const newChannels = [...channelsOf(next)].filter((c) => !oldChannels.has(c));
  const checked: { channelId: string; check: ChannelCheck }[] = [];
  for (const channel of newChannels) {
    const check = await resolver.canPost(channel);
    checked.push({ channelId: channel, check });
    if (!check.ok) {
      errors.push({
        field: "channel",
        key: "admin.error.cannotPost",
        params: { problem: check.problem ?? channel },
      });
    }
  }
  const known = peopleOf(before);
  for (const [field, ids] of formRefs(next, form).people) {
    for (const id of ids.filter((u) => !known.has(u) && !people.has(u))) {
      const found = await resolver.user(id);
      if ("problem" in found) {
        errors.push({ field, key: "admin.error.unknownUser", params: { problem: found.problem } });
      } else people.set(found.id, found.info ?? {});
    }
  }
  // Public channels are joined only once the whole form passed: a refused form joins nothing.
  if (errors.length === 0) {
    for (const failed of await joinChecked(resolver, checked)) {
      errors.push({
        field: "channel",
        key: "admin.error.cannotPost",
        params: { problem: failed.problem },
      });
    }
  }
  return {
    errors: errors.filter((e, i) => errors.findIndex((o) => o.field === e.field) === i),
    people,
  };
}
