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

/** One attempt as the job page's timeline shows it (its exchange is loaded when opened). */
export interface TimelineAttempt {
  id: string;
  attemptNumber: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  nextRetryAt: string | null;
}

/** One event's delivery to one endpoint, on the job page's timeline. */
export interface EventDelivery {
  id: string;
  endpointId: string;
  endpointUrl: string;
  messageId: string;
  status: DeliveryStatus;
  attemptCount: number;
  /** When the next attempt is due; null once the delivery succeeded or was given up. */
  nextAttemptAt: string | null;
  lastError: string | null;
  /** The latest attempts (at most TIMELINE_ATTEMPTS_PER_DELIVERY), oldest first; `attemptCount` says how many in all. */
  attempts: TimelineAttempt[];
}

/** The request of an attempt as it went out, presigned links' credentials redacted. */
export interface SentRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The size of the body (redacted); more than `body` holds when `truncated`. Sent: content-length. */
  bodyBytes: number;
  truncated: boolean;
  /** What the signature covers: `{webhook-id}.{webhook-timestamp}.{body}` (with the body as shown). */
  signedContent: string;
}

/** GET /api/deliveries/{deliveryId}/attempts/{attemptId}: one attempt in the delivery debugger. */
export interface AttemptDebugView {
  delivery: DeliveryView;
  attempt: AttemptView;
  /** Null when nothing was sent (no download links, no signature) or retention removed it. */
  request: SentRequest | null;
  /** The answer's headers; null when no answer came or nothing was kept. */
  responseHeaders: Record<string, string> | null;
}

/** GET /api/deliveries/{deliveryId}/curl: the delivery as a cURL command, signed now. */
export interface ReplayCurl {
  command: string;
  /** The signature's timestamp: receivers accept it for 5 minutes from then. */
  signedAt: string;
}
