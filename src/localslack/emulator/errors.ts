import type { Json } from "./types.ts";

/** A Slack platform error: answered as HTTP 200 `{ ok: false, error }` (plus extra fields). */
export class SlackApiError extends Error {
  readonly code: string;
  readonly extra: Json;

  constructor(code: string, extra: Json = {}) {
    super(code);
    this.name = "SlackApiError";
    this.code = code;
    this.extra = extra;
  }

  toBody(): Json {
    return { ok: false, error: this.code, ...this.extra };
  }
}

/** Slack's `invalid_arguments` / `invalid_blocks` carry `response_metadata.messages`. */
export function errorWithMessages(code: string, messages: string[]): SlackApiError {
  return new SlackApiError(code, { response_metadata: { messages } });
}

export function missingArgument(name: string): SlackApiError {
  return errorWithMessages("invalid_arguments", [
    `[ERROR] missing required field: ${name} [json-pointer:/${name}]`,
  ]);
}
