import { type Args, isObject, optJson, optString } from "../args.ts";
import { assignIds } from "../block-ids.ts";
import { errorWithMessages, SlackApiError } from "../errors.ts";
import type { Json, MessageMetadata } from "../types.ts";
import { validateMessage } from "../validate.ts";

export interface MessageContent {
  text: string;
  blocks?: Json[];
  metadata?: MessageMetadata;
}

/** Reads and validates text/blocks/metadata of a message-posting call. */
export function readContent(
  args: Args,
  opts: { maxText: number; strictText: boolean },
): MessageContent {
  const text = optString(args, "text") ?? "";
  const blocks = optJson(args, "blocks", "invalid_blocks_format");
  const problem = validateMessage(
    { text, blocks },
    { maxText: opts.maxText, requireTextWithBlocks: opts.strictText },
  );
  if (problem) throw errorWithMessages(problem.error, problem.messages);
  const metadata = readMetadata(args);
  return {
    text,
    ...(blocks !== undefined ? { blocks: assignIds(blocks as Json[]) } : {}),
    ...(metadata ? { metadata } : {}),
  };
}

function readMetadata(args: Args): MessageMetadata | undefined {
  const m = optJson(args, "metadata", "invalid_metadata_format");
  if (m === undefined) return undefined;
  if (!isObject(m) || typeof m.event_type !== "string" || !isObject(m.event_payload)) {
    throw new SlackApiError("invalid_metadata_schema", {
      response_metadata: {
        messages: ["[ERROR] metadata needs a string event_type and an object event_payload"],
      },
    });
  }
  return { event_type: m.event_type, event_payload: m.event_payload };
}
