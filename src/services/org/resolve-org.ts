/** Replaces every channel and user reference of an org with its Slack id, collecting problems by path. */
import type { Org } from "../../config/org-schema.ts";
import { type ChannelCheck, joinChecked, type OrgResolver, type PersonInfo } from "./resolver.ts";

export interface ResolveProblem {
  path: string;
  message: string;
}

export interface ResolvedOrg {
  org: Org;
  people: Map<string, PersonInfo>;
  channels: Map<string, string>;
}

export async function resolveOrg(
  org: Org,
  resolver: OrgResolver,
): Promise<{ ok: true; resolved: ResolvedOrg } | { ok: false; problems: ResolveProblem[] }> {
  const problems: ResolveProblem[] = [];
  const people = new Map<string, PersonInfo>();
  const channels = new Map<string, string>(); // id → first path that named it
  const userCache = new Map<string, Awaited<ReturnType<OrgResolver["user"]>>>();

  const channel = async (ref: string, path: string) => {
    const result = await resolver.channel(ref);
    if ("problem" in result) {
      problems.push({ path, message: result.problem });
      return ref;
    }
    if (!channels.has(result.id)) channels.set(result.id, path);
    return result.id;
  };
  const user = async (ref: string, path: string) => {
    let result = userCache.get(ref);
    if (!result) {
      result = await resolver.user(ref);
      userCache.set(ref, result);
    }
    if ("problem" in result) {
      problems.push({ path, message: result.problem });
      return ref;
    }
    people.set(result.id, { ...people.get(result.id), ...result.info });
    return result.id;
  };
  const users = (refs: string[], path: string) =>
    Promise.all(refs.map((ref, i) => user(ref, `${path}[${i}]`)));

  const resolved: Org = {
    ...org,
    committee: {
      channel: await channel(org.committee.channel, "committee.channel"),
      members: await users(org.committee.members, "committee.members"),
      admins: await users(org.committee.admins, "committee.admins"),
    },
    branches: [],
  };
  for (const [i, b] of org.branches.entries()) {
    const path = `branches[${i}]`;
    resolved.branches.push({
      ...b,
      channel: await channel(b.channel, `${path}.channel`),
      secretaries: await users(b.secretaries, `${path}.secretaries`),
      members: await users(b.members, `${path}.members`),
      ...(b.classReps
        ? {
            classReps: {
              ...b.classReps,
              roster: await users(b.classReps.roster, `${path}.classReps.roster`),
            },
          }
        : {}),
    });
  }
  if (org.lectureHall) {
    resolved.lectureHall = {
      ...org.lectureHall,
      channel: await channel(org.lectureHall.channel, "lectureHall.channel"),
      roster: await users(org.lectureHall.roster, "lectureHall.roster"),
    };
  }
  const group = org.study?.centreGroup;
  if (org.study && group) {
    resolved.study = {
      ...org.study,
      centreGroup: {
        ...group,
        members: await users(group.members, "study.centreGroup.members"),
        chair: await user(group.chair, "study.centreGroup.chair"),
        ...(group.channel
          ? { channel: await channel(group.channel, "study.centreGroup.channel") }
          : {}),
      },
    };
  }
  if (org.services) {
    resolved.services = await Promise.all(
      org.services.map(async (s, i) => ({ ...s, lead: await user(s.lead, `services[${i}].lead`) })),
    );
  }
  if (org.practicalProjects) {
    resolved.practicalProjects = await Promise.all(
      org.practicalProjects.map(async (p, i) => ({
        ...p,
        lead: await user(p.lead, `practicalProjects[${i}].lead`),
      })),
    );
  }
  if (org.responsibilities) {
    const members: Record<string, NonNullable<Org["responsibilities"]>["members"][string]> = {};
    for (const [ref, duties] of Object.entries(org.responsibilities.members))
      members[await user(ref, `responsibilities.members.${ref}`)] = duties;
    resolved.responsibilities = { ...org.responsibilities, members };
  }
  // Every channel that resolved is checked (checking changes nothing), so one run reports all.
  const checked: { channelId: string; check: ChannelCheck }[] = [];
  for (const [id, path] of channels) {
    const check = await resolver.canPost(id);
    checked.push({ channelId: id, check });
    if (!check.ok)
      problems.push({ path, message: check.problem ?? `the bot cannot post in ${id}` });
  }
  // Public channels are joined only when the whole file passed: a refused file joins nothing.
  if (problems.length === 0) {
    for (const failed of await joinChecked(resolver, checked)) {
      problems.push({ path: channels.get(failed.channelId) ?? "", message: failed.problem });
    }
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, resolved: { org: resolved, people, channels } };
}
