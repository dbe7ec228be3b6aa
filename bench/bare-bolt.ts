/** The ack benchmark's floor: Bolt on the bot's own HTTP receiver, listeners that only acknowledge. */
import { createBoltApp } from "../src/app/bolt-app.ts";

export interface BareBolt {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startAckOnlyBolt(opts: {
  botToken: string;
  signingSecret: string;
  slackApiUrl: string;
}): Promise<BareBolt> {
  const handle = createBoltApp(opts, [], 0);
  handle.app.action(/.*/, async ({ ack }) => {
    await ack();
  });
  handle.app.view(/.*/, async ({ ack }) => {
    await ack();
  });
  const port = await handle.start();
  return { url: `http://127.0.0.1:${port}/slack/events`, port, close: () => handle.stop() };
}
