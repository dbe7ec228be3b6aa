/**
 * Report files go to Slack through the outbox, as "upload" deliveries (services/outbox/upload.ts:
 * files.getUploadURLExternal, the bytes, files.completeUploadExternal; retried like messages,
 * exactly once), whichever process builds them: the bot, or `pbb jobs run` beside it.
 */
export type { UploadFile as ReportFile } from "../outbox/upload.ts";
