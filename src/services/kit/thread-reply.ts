/** A person's reply in a thread the bot started, as a feature's service takes it. */
export interface ThreadReply {
  channel: string;
  threadTs: string;
  ts: string;
  userId: string;
  text: string;
}
