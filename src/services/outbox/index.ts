export { createDeliveryClient } from "./client.ts";
export {
  DELIVERY_METHODS,
  type DeliveryMethod,
  type DeliveryPayload,
  type DeliveryRequest,
  enqueueDelivery,
  enqueuePost,
  enqueueUpdate,
  type OutboxMessage,
} from "./enqueue.ts";
export { DEFAULT_METHOD_INTERVAL_MS, Pacer, processPacer } from "./pacer.ts";
export { REPORT_KEY_PREFIX } from "./report.ts";
export type {
  DeliveryResult,
  ResultHandler,
  ResultHandlers,
} from "./result-handlers.ts";
export { METADATA_EVENT_TYPE, type SlackCaller } from "./send.ts";
export {
  createDeliveryWorker,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
  type DrainReport,
  startDeliveryWorker,
} from "./worker.ts";
