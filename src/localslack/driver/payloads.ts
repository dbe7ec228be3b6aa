/**
 * Payloads exactly as Slack sends them (SLACK-PLATFORM.md §4), built from the emulator's state.
 */
import { randomUUID } from "node:crypto";
import type { SlackEmulator } from "../emulator/index.ts";
import { messageJson, viewJson } from "../emulator/serialize.ts";
import type { ChannelRecord, Json, MessageRecord, ViewRecord } from "../emulator/types.ts";
import type { FoundElement } from "./find.ts";
import { elementState, type StateValues, type TypedValue } from "./view-state.ts";

/** The legacy verification token Slack still puts in every payload. */
export const VERIFICATION_TOKEN = "localslack-verification-token";

export class PayloadBuilder {
  constructor(private readonly emulator: SlackEmulator) {}

  private get ws() {
    return this.emulator.workspace;
  }

  private actionTs(): string {
    const now = this.emulator.clock.now();
    return `${Math.floor(now / 1000)}.${String((now % 1000) * 1000).padStart(6, "0")}`;
  }

  team(): Json {
    return { id: this.ws.team.id, domain: this.ws.team.domain };
  }

  user(id: string): Json {
    const u = this.ws.requireUser(id);
    return { id: u.id, username: u.name, name: u.name, team_id: this.ws.team.id };
  }

  channel(c: ChannelRecord): Json {
    return { id: c.id, name: c.kind === "im" ? "directmessage" : c.name };
  }

  channelType(c: ChannelRecord): string {
    return { public: "channel", private: "group", im: "im", mpim: "mpim" }[c.kind];
  }

  private common(): Json {
    return {
      api_app_id: this.ws.bot.appId,
      token: VERIFICATION_TOKEN,
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  /** The `actions[0]` entry for an element and the value the user picked. */
  action(f: FoundElement, value: TypedValue | undefined): Json {
    const el = f.element;
    const base = {
      type: el.type,
      action_id: f.actionId,
      block_id: f.blockId,
      action_ts: this.actionTs(),
    };
    if (el.type === "button") {
      return {
        ...base,
        // Slack adds emoji: true to plain_text objects it stores.
        text: { emoji: true, ...(el.text as Json) },
        ...(el.value !== undefined ? { value: el.value } : {}),
        ...(el.style !== undefined ? { style: el.style } : {}),
      };
    }
    if (el.type === "overflow") {
      const state = elementState({ ...el, type: "static_select" }, value);
      return { ...base, selected_option: state.selected_option };
    }
    const { type: _type, ...state } = elementState(el, value);
    return { ...base, ...state };
  }

  eventEnvelope(event: Json): Json {
    const now = this.emulator.clock.now();
    return {
      token: VERIFICATION_TOKEN,
      team_id: this.ws.team.id,
      context_team_id: this.ws.team.id,
      context_enterprise_id: null,
      api_app_id: this.ws.bot.appId,
      event,
      type: "event_callback",
      event_id: `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
      event_time: Math.floor(now / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.ws.team.id,
          user_id: this.ws.bot.userId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${randomUUID()}`,
    };
  }

  /** The `message` event for a message a user wrote. */
  messageEvent(m: MessageRecord, c: ChannelRecord): Json {
    return {
      ...messageJson(this.ws, m),
      client_msg_id: randomUUID(),
      channel: c.id,
      event_ts: m.ts,
      channel_type: this.channelType(c),
    };
  }

  /** What every block_actions payload starts with: who, where (the container), a trigger id. */
  private blockActionsHead(user: string, container: Json): Json {
    return {
      type: "block_actions",
      user: this.user(user),
      ...this.common(),
      container,
      trigger_id: this.emulator.mintTriggerId(user),
      team: this.team(),
    };
  }

  blockActionsFromMessage(
    user: string,
    c: ChannelRecord,
    m: MessageRecord,
    f: FoundElement,
    value: TypedValue | undefined,
    state: StateValues,
  ): Json {
    return {
      ...this.blockActionsHead(user, {
        type: "message",
        message_ts: m.ts,
        channel_id: c.id,
        is_ephemeral: false,
        ...(m.thread_ts && m.thread_ts !== m.ts ? { thread_ts: m.thread_ts } : {}),
      }),
      channel: this.channel(c),
      message: messageJson(this.ws, m),
      state: { values: state },
      response_url: this.emulator.mintResponseUrl({
        channel: c.id,
        user,
        messageTs: m.ts,
        ...(m.thread_ts ? { threadTs: m.thread_ts } : {}),
      }),
      actions: [this.action(f, value)],
    };
  }

  blockActionsFromEphemeral(
    user: string,
    c: ChannelRecord,
    messageTs: string,
    f: FoundElement,
    value: TypedValue | undefined,
  ): Json {
    return {
      ...this.blockActionsHead(user, {
        type: "message",
        message_ts: messageTs,
        channel_id: c.id,
        is_ephemeral: true,
      }),
      channel: this.channel(c),
      state: { values: {} },
      response_url: this.emulator.mintResponseUrl({
        channel: c.id,
        user,
        messageTs,
        isEphemeral: true,
      }),
      actions: [this.action(f, value)],
    };
  }

  blockActionsFromView(
    user: string,
    v: ViewRecord,
    f: FoundElement,
    value: TypedValue | undefined,
  ): Json {
    return {
      ...this.blockActionsHead(user, { type: "view", view_id: v.id }),
      view: viewJson(this.ws, v),
      actions: [this.action(f, value)],
    };
  }

  /** What a modal's submission and its closing both carry. */
  private viewEvent(type: "view_submission" | "view_closed", user: string, v: ViewRecord) {
    return {
      type,
      team: this.team(),
      user: this.user(user),
      view: viewJson(this.ws, v),
      ...this.common(),
    };
  }

  viewSubmission(user: string, v: ViewRecord): Json {
    return {
      ...this.viewEvent("view_submission", user, v),
      trigger_id: this.emulator.mintTriggerId(user),
      response_urls: [],
    };
  }

  viewClosed(user: string, v: ViewRecord, isCleared: boolean): Json {
    return { ...this.viewEvent("view_closed", user, v), is_cleared: isCleared };
  }

  slashCommand(user: string, c: ChannelRecord, command: string, text: string): Json {
    const u = this.ws.requireUser(user);
    return {
      token: VERIFICATION_TOKEN,
      team_id: this.ws.team.id,
      team_domain: this.ws.team.domain,
      channel_id: c.id,
      channel_name: c.kind === "im" ? "directmessage" : c.name,
      user_id: u.id,
      user_name: u.name,
      command,
      text,
      api_app_id: this.ws.bot.appId,
      is_enterprise_install: "false",
      response_url: this.emulator.mintResponseUrl({ channel: c.id, user }),
      trigger_id: this.emulator.mintTriggerId(user),
    };
  }

  shortcut(user: string, callbackId: string): Json {
    return {
      type: "shortcut",
      ...this.common(),
      action_ts: this.actionTs(),
      team: this.team(),
      user: this.user(user),
      callback_id: callbackId,
      trigger_id: this.emulator.mintTriggerId(user),
    };
  }

  messageShortcut(user: string, callbackId: string, c: ChannelRecord, m: MessageRecord): Json {
    return {
      type: "message_action",
      ...this.common(),
      action_ts: this.actionTs(),
      team: this.team(),
      user: this.user(user),
      channel: this.channel(c),
      callback_id: callbackId,
      trigger_id: this.emulator.mintTriggerId(user),
      message_ts: m.ts,
      message: messageJson(this.ws, m),
      response_url: this.emulator.mintResponseUrl({ channel: c.id, user, messageTs: m.ts }),
    };
  }
}
