// Response types of the delivery log routes and the test event, importable by client components
// (no server code).

/** Where a delivery stands (the DeliveryStatus enum). */
export type DeliveryStatus = "pending" | "delivering" | "succeeded" | "failed";

/**
 * A delivery as the log shows it. `job.id` is the upstream's job id (what the job page is named
 * by); the portal's own row ids of jobs and events never leave the server.
 */
export interface DeliveryView {
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventType: string;
  /** The `webhook-id` of every attempt, resends included: receivers dedupe on it. */
  messageId: string;
  status: DeliveryStatus;
  attemptCount: number;
  lastStatusCode: number | null;
  lastError: string | null;
  /** When the next attempt is due; null once the delivery succeeded or was given up. */
  nextAttemptAt: string | null;
  createdAt: string;
  completedAt: string | null;
  job: { id: string; apiProduct: string };
}

/** One HTTP attempt of a delivery. */
export interface AttemptView {
  id: string;
  attemptNumber: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
  nextRetryAt: string | null;
}

/** GET /api/deliveries/{deliveryId} */
export interface DeliveryDetail {
  delivery: DeliveryView;
  /** Every HTTP attempt, first to last. */
  attempts: AttemptView[];
  /** The event as stored (presigned output links without their signatures); `data` of what was sent. */
  payload: unknown;
}

/** GET /api/webhook-endpoints/{endpointId}/deliveries */
export interface DeliveryPage {
  deliveries: DeliveryView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** POST /api/webhook-endpoints/{endpointId}/test: what the receiver answered to a signed test event. */
export interface TestEventResult {
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
}
