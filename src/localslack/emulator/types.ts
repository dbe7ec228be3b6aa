/** Data model of the emulated workspace. Shapes follow what Slack's Web API returns. */

export type Json = Record<string, unknown>;

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface TeamInfo {
  id: string;
  name: string;
  domain: string;
}

export interface BotIdentity {
  userId: string;
  botId: string;
  appId: string;
  /** Bot token accepted on the Web API (xoxb-…). */
  token: string;
  /** App-level token for apps.connections.open (xapp-…). */
  appToken: string;
  name: string;
}

export interface UserRecord {
  id: string;
  name: string;
  real_name: string;
  email?: string;
  tz: string;
  tz_offset: number;
  locale: string;
  deleted: boolean;
  is_bot: boolean;
  is_admin: boolean;
}

export type ChannelKind = "public" | "private" | "im" | "mpim";

export interface ChannelRecord {
  id: string;
  name: string;
  kind: ChannelKind;
  archived: boolean;
  members: Set<string>;
  created: number;
  /** Who created it (Slack's `creator`): its first member when seeded, the bot for DMs. */
  creator: string;
  /** For an IM: the human on the other side. */
  imUser?: string;
  topic: string;
  purpose: string;
}

export interface MessageMetadata {
  event_type: string;
  event_payload: Json;
}

export interface FileRecord {
  id: string;
  name: string;
  title: string;
  length: number;
  bytes?: Buffer;
  /** The type the uploader gave (a browser's File.type); application/octet-stream when not. */
  mimetype?: string;
  completed: boolean;
  channels: string[];
  created: number;
  user: string;
}

export interface MessageRecord {
  ts: string;
  channel: string;
  /** Author: a user id (for bot posts, the bot user). */
  user: string;
  bot_id?: string;
  app_id?: string;
  text: string;
  blocks?: Json[];
  metadata?: MessageMetadata;
  thread_ts?: string;
  reply_broadcast?: boolean;
  /** ts of replies, for a thread parent. */
  replies: string[];
  edited?: { user: string; ts: string };
  files?: string[];
  subtype?: string;
  deleted: boolean;
}

export interface EphemeralRecord {
  /** message_ts as Slack returns from chat.postEphemeral. */
  ts: string;
  channel: string;
  user: string;
  text: string;
  blocks?: Json[];
  thread_ts?: string;
  source: "chat.postEphemeral" | "response_url";
  deleted: boolean;
}

export interface ViewRecord {
  id: string;
  type: "modal" | "home";
  user: string;
  callback_id: string;
  title?: Json;
  submit?: Json;
  close?: Json;
  blocks: Json[];
  private_metadata: string;
  external_id: string;
  hash: string;
  notify_on_close: boolean;
  clear_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  state: { values: Record<string, Record<string, Json>> };
}
