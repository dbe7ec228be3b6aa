/** `slack.as(user)`: what one user does in Slack, as readable test steps. */
import type { SlackEmulator } from "../emulator/index.ts";
import { answerResponseUrl } from "../emulator/response-handler.ts";
import { fileJson, viewJson } from "../emulator/serialize.ts";
import type { ChannelRecord, Json, MessageRecord, ViewRecord } from "../emulator/types.ts";
import { type ElementQuery, type FoundElement, findElement } from "./find.ts";
import type { PayloadBuilder } from "./payloads.ts";
import type { DeliverOptions, Delivery, DeliveryKind } from "./transport.ts";
import { applyViewResponse, type SubmitResult } from "./view-response.ts";
import { buildState, clientErrors, type TypedValue, type UploadedFiles } from "./view-state.ts";

/** Where the element is: a message in a channel (latest, by ts, in a thread, ephemeral) or a view. */
export type SurfaceTarget =
  | { channel: string; messageTs?: string; threadTs?: string; ephemeral?: boolean }
  | { view: "modal" | "home" };

export type ElementTarget = SurfaceTarget & ElementQuery;

export interface InteractionResult extends Delivery {
  payload: Json;
}

export interface EventResult {
  ok: boolean;
  attempts: Delivery[];
  envelope: Json;
}

export interface DriverCore {
  emulator: SlackEmulator;
  payloads: PayloadBuilder;
  deliver(kind: DeliveryKind, payload: Json, opts?: DeliverOptions): Promise<Delivery>;
  sendEvent(event: Json): Promise<EventResult>;
  channel(idOrName: string): ChannelRecord;
}

export class UserSession {
  constructor(
    private readonly core: DriverCore,
    readonly userId: string,
  ) {}

  private get ws() {
    return this.core.emulator.workspace;
  }

  /**
   * Uploads a file as Slack's client does when the person picks it in a file_input: stored with
   * its bytes and type, owned by the person. Its id, typed into the file_input, submits it.
   */
  uploadFile(file: { name: string; bytes: Buffer; mimetype?: string }): string {
    const id = this.ws.newId("F");
    this.ws.files.set(id, {
      id,
      name: file.name,
      title: file.name,
      length: file.bytes.length,
      bytes: file.bytes,
      ...(file.mimetype ? { mimetype: file.mimetype } : {}),
      completed: true,
      channels: [],
      created: Math.floor(this.ws.now() / 1000),
      user: this.userId,
    });
    return id;
  }

  /** The files this person uploaded, as a file_input's state carries them. */
  private readonly uploaded: UploadedFiles = (spec) => {
    const f = this.ws.files.get(spec);
    return f && f.user === this.userId && f.bytes ? fileJson(this.ws, f) : undefined;
  };

  /** Clicks a button found by its visible label (or action_id/block_id). */
  clickButton(target: ElementTarget): Promise<InteractionResult> {
    return this.interact({ ...target, type: target.type ?? "button" }, undefined);
  }

  /** Picks a value in a select, overflow, date picker, checkboxes… outside an input block. */
  select(target: ElementTarget & { value: TypedValue }): Promise<InteractionResult> {
    const { value, ...rest } = target;
    return this.interact(rest, value);
  }

  private async interact(
    target: ElementTarget,
    value: TypedValue | undefined,
  ): Promise<InteractionResult> {
    const payload =
      "view" in target ? this.viewAction(target, value) : this.messageAction(target, value);
    const d = await this.core.deliver("interactive", payload);
    return { ...d, payload };
  }

  private viewAction(target: ElementTarget & { view: "modal" | "home" }, value?: TypedValue): Json {
    const v =
      target.view === "modal" ? this.ws.topView(this.userId) : this.ws.homeViews.get(this.userId);
    if (!v) throw new Error(`${this.userId} has no open ${target.view} view`);
    const f = findElement(v.blocks, target);
    if (value !== undefined) {
      v.state.values = buildState(
        v.blocks,
        v.state.values,
        { [`${f.blockId}.${f.actionId}`]: value },
        this.uploaded,
      );
    } else {
      v.state.values = buildState(v.blocks, v.state.values);
    }
    return this.core.payloads.blockActionsFromView(this.userId, v, f, value);
  }

  private messageAction(
    target: ElementTarget & {
      channel: string;
      messageTs?: string;
      threadTs?: string;
      ephemeral?: boolean;
    },
    value?: TypedValue,
  ): Json {
    const c = this.core.channel(target.channel);
    if (target.ephemeral) {
      const list = this.ws.ephemeralsFor(this.userId, c.id).reverse();
      const hit = firstMatch(list, (e) => e.blocks, target);
      if (!hit)
        throw new Error(`no ephemeral for ${this.userId} in ${c.id} has ${describe(target)}`);
      return this.core.payloads.blockActionsFromEphemeral(
        this.userId,
        c,
        hit.item.ts,
        hit.found,
        value,
      );
    }
    const all = this.ws.history(c.id);
    let candidates: MessageRecord[];
    if (target.messageTs) candidates = all.filter((m) => m.ts === target.messageTs);
    else if (target.threadTs) {
      candidates = all.filter((m) => m.ts === target.threadTs || m.thread_ts === target.threadTs);
    } else candidates = all.filter((m) => !m.thread_ts || m.thread_ts === m.ts);
    const hit = firstMatch(candidates.reverse(), (m) => m.blocks, target);
    if (!hit) throw new Error(`no message in ${c.id} has ${describe(target)}`);
    const state = buildState(hit.item.blocks ?? [], {});
    return this.core.payloads.blockActionsFromMessage(
      this.userId,
      c,
      hit.item,
      hit.found,
      value,
      state,
    );
  }

  /** Types values into the open modal without submitting (keys as for submitModal). */
  fill(values: Record<string, TypedValue>): ViewRecord {
    const v = this.requireModal();
    v.state.values = buildState(v.blocks, v.state.values, values, this.uploaded);
    return v;
  }

  /**
   * Fills the top view of the open modal and submits it. Keys: "block_id.action_id", a block_id,
   * an action_id or an input's label. Interprets the app's response_action.
   */
  async submitModal(values: Record<string, TypedValue> = {}): Promise<SubmitResult> {
    const v = this.fill(values);
    const errors = clientErrors(v.blocks, v.state.values);
    if (Object.keys(errors).length > 0) return { outcome: "client_errors", errors, view: v };
    const d = await this.core.deliver(
      "interactive",
      this.core.payloads.viewSubmission(this.userId, v),
    );
    return applyViewResponse(this.ws, this.userId, v, d);
  }

  /** Clicks Close on the top view; sends view_closed when the view asked for notify_on_close. */
  async closeModal(): Promise<Delivery | undefined> {
    const v = this.requireModal();
    const stack = this.ws.modalStack(this.userId);
    const rest = v.clear_on_close ? [] : stack.filter((x) => x.id !== v.id);
    if (rest.length === 0) this.ws.modalStacks.delete(this.userId);
    else this.ws.modalStacks.set(this.userId, rest);
    if (!v.notify_on_close) return undefined;
    return this.core.deliver(
      "interactive",
      this.core.payloads.viewClosed(this.userId, v, v.clear_on_close),
    );
  }

  /**
   * Joins a channel (or is added to it by `inviter`): member_joined_channel reaches the app when
   * it is in the channel, as Slack sends it.
   */
  joinChannel(channel: string, inviter?: string): Promise<EventResult | undefined> {
    const c = this.core.channel(channel);
    c.members.add(this.userId);
    return this.membershipEvent("member_joined_channel", c, inviter);
  }

  /** Leaves a channel: member_left_channel reaches the app when it is in the channel. */
  leaveChannel(channel: string): Promise<EventResult | undefined> {
    const c = this.core.channel(channel);
    c.members.delete(this.userId);
    return this.membershipEvent("member_left_channel", c);
  }

  private async membershipEvent(
    type: "member_joined_channel" | "member_left_channel",
    c: ChannelRecord,
    inviter?: string,
  ): Promise<EventResult | undefined> {
    if (!c.members.has(this.ws.bot.userId)) return undefined;
    return this.core.sendEvent({
      type,
      user: this.userId,
      channel: c.id,
      // Slack's single letter: C for public channels, G for private ones created before 2021.
      channel_type: c.id.startsWith("G") ? "G" : "C",
      team: this.ws.team.id,
      ...(inviter ? { inviter } : {}),
      event_ts: this.ws.nextTs(),
    });
  }

  /** Opens the app's Home tab: the app_home_opened event. */
  openAppHome(): Promise<EventResult> {
    const dm = this.ws.dmWith(this.userId);
    const home = this.ws.homeViews.get(this.userId);
    return this.core.sendEvent({
      type: "app_home_opened",
      user: this.userId,
      channel: dm.id,
      tab: "home",
      ...(home ? { view: viewJson(this.ws, home) } : {}),
      event_ts: this.ws.nextTs(),
    });
  }

  /**
   * Runs a slash command in a channel. A non-empty ack body is shown to the user the way Slack
   * shows it (ephemeral, or in the channel with response_type: in_channel).
   */
  async slashCommand(
    command: string,
    text: string,
    opts: { channel: string },
  ): Promise<InteractionResult> {
    const c = this.core.channel(opts.channel);
    const payload = this.core.payloads.slashCommand(this.userId, c, command, text);
    const d = await this.core.deliver("slash_commands", payload);
    if (d.status === 200 && d.body !== undefined) {
      const body = typeof d.body === "string" ? { text: d.body } : (d.body as Json);
      answerResponseUrl(this.ws, { channel: c.id, user: this.userId }, body, false);
    }
    return { ...d, payload };
  }

  /** Writes a message as this user (stored in the emulator) and sends the `message` event. */
  postMessage(
    channel: string,
    text: string,
  ): Promise<{ message: MessageRecord; event?: EventResult }> {
    return this.write(this.core.channel(channel), text, undefined);
  }

  replyInThread(
    channel: string,
    threadTs: string,
    text: string,
  ): Promise<{ message: MessageRecord; event?: EventResult }> {
    return this.write(this.core.channel(channel), text, threadTs);
  }

  private async write(c: ChannelRecord, text: string, threadTs: string | undefined) {
    const message = this.ws.addMessage({
      channel: c.id,
      user: this.userId,
      text,
      blocks: [
        {
          type: "rich_text",
          block_id: "rt0",
          elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }],
        },
      ],
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    // Slack only delivers message events from conversations the app is in.
    if (!c.members.has(this.ws.bot.userId)) return { message };
    const event = await this.core.sendEvent(this.core.payloads.messageEvent(message, c));
    if (text.includes(`<@${this.ws.bot.userId}>`)) {
      const {
        channel_type: _t,
        client_msg_id: _c,
        ...mention
      } = this.core.payloads.messageEvent(message, c);
      await this.core.sendEvent({ ...mention, type: "app_mention" });
    }
    return { message, event };
  }

  /** A global shortcut. */
  async shortcut(callbackId: string): Promise<InteractionResult> {
    const payload = this.core.payloads.shortcut(this.userId, callbackId);
    return { ...(await this.core.deliver("interactive", payload)), payload };
  }

  /** A message shortcut on a message (default: the latest in the channel). */
  async messageShortcut(
    callbackId: string,
    opts: { channel: string; messageTs?: string },
  ): Promise<InteractionResult> {
    const c = this.core.channel(opts.channel);
    const msgs = this.ws.history(c.id);
    const m = opts.messageTs ? msgs.find((x) => x.ts === opts.messageTs) : msgs[msgs.length - 1];
    if (!m) throw new Error(`no message in ${c.id}`);
    const payload = this.core.payloads.messageShortcut(this.userId, callbackId, c, m);
    return { ...(await this.core.deliver("interactive", payload)), payload };
  }

  private requireModal(): ViewRecord {
    const v = this.ws.topView(this.userId);
    if (!v) throw new Error(`${this.userId} has no open modal`);
    return v;
  }
}

function firstMatch<T>(
  items: T[],
  blocksOf: (t: T) => Json[] | undefined,
  q: ElementQuery,
): { item: T; found: FoundElement } | undefined {
  for (const item of items) {
    try {
      return { item, found: findElement(blocksOf(item) ?? [], q) };
    } catch {
      // not in this message; look at an older one
    }
  }
  return undefined;
}

function describe(q: ElementQuery): string {
  return JSON.stringify({ label: q.label, actionId: q.actionId, blockId: q.blockId, type: q.type });
}
