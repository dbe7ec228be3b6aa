import { authMethods } from "./auth.ts";
import { chatMethods } from "./chat.ts";
import type { MethodSpec } from "./context.ts";
import { conversationMethods } from "./conversations.ts";
import { fileMethods } from "./files.ts";
import { userMethods } from "./users.ts";
import { viewMethods } from "./views.ts";

export type { MethodContext, MethodSpec, Tier, TokenKind } from "./context.ts";

/** Every Web API method the emulator answers. */
export const METHODS: Record<string, MethodSpec> = {
  ...authMethods,
  ...chatMethods,
  ...conversationMethods,
  ...userMethods,
  ...viewMethods,
  ...fileMethods,
};
