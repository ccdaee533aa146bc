import type { DownloadOutput } from "@/lib/contract/download-result";
import { ApiError } from "@/lib/http/api-error";
import { requestDownloadLinks } from "@/lib/jobs/request-download-links";
import { logger } from "@/lib/log/logger";
import { recordDeliveryAttempt } from "@/lib/metrics/record-metrics";
import { describeOutboundFailure } from "@/lib/outbound/describe-outbound-failure";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { buildDeliveryBody } from "./build-delivery-body";
import { type AttemptExchange, captureExchange } from "./capture-exchange";
import type { ClaimedDelivery, Queryable } from "./claim-deliveries";
import type { RecordOutcome } from "./create-outcome-recorder";
import { type AttemptResult, decideOutcome } from "./decide-outcome";
import { openEndpointSecrets } from "./open-endpoint-secrets";
import { postWebhook } from "./post-webhook";
import { releaseDelivery } from "./record-outcome";
import type { RequestLinks } from "./share-fresh-links";
import { signWebhook } from "./sign-webhook";

// One attempt of one claimed delivery: body (fresh links for job.completed), signature, POST,
// verdict, record. Everything that can go wrong ends as a recorded attempt, except a lost
// database, after which the lease expires and another attempt follows (at-least-once).
export const LINK_EXPIRATION_SECONDS = 3600;

export interface DeliveryContext {
  db: Queryable;
  clock: () => number;
  random: () => number;
  timeoutMs: number;
  policy: AddressPolicy;
  resolve?: ResolveHost;
  /**
   * Fresh presigned links for a completed job (default: the upstream's download-result, 1 hour),
   * shared by the deliveries of one round (share-fresh-links.ts).
   */
  requestLinks: RequestLinks;
  /** Writes an attempt's outcome: group-committed in the worker (create-outcome-recorder.ts). */
  record: RecordOutcome;
}

export const requestFreshLinks = async (workspaceId: string, upstreamJobId: string) =>
  (await requestDownloadLinks(workspaceId, upstreamJobId, LINK_EXPIRATION_SECONDS)).outputs;

async function linksOrFailure(
  delivery: ClaimedDelivery,
  context: DeliveryContext,
): Promise<DownloadOutput[] | AttemptResult | null> {
  if (delivery.eventType !== "job.completed") return null;
  try {
    return await context.requestLinks(delivery.workspaceId, delivery.upstreamJobId);
  } catch (error) {
    // Never sent without its links: the receiver would get a job.completed it cannot act on.
    // ApiError messages are written for members; anything else is logged and said plainly.
    const reason =
      error instanceof ApiError ? error.message : describeOutboundFailure(error, { deliveryId: delivery.id });
    return {
      statusCode: null,
      retryAfter: null,
      error: `Not sent: no fresh download links from the Jobs API (${reason})`,
      notSent: true,
    };
  }
}

type SendResult = AttemptResult & { responseExcerpt?: string | null; exchange?: AttemptExchange | null };

async function signAndPost(
  delivery: ClaimedDelivery,
  links: DownloadOutput[] | null,
  context: DeliveryContext,
): Promise<SendResult> {
  let body: string;
  let headers: Record<string, string>;
  try {
    body = buildDeliveryBody(delivery.eventType, delivery.payload, links);
    headers = signWebhook({
      messageId: delivery.messageId,
      timestampSeconds: Math.floor(context.clock() / 1000),
      body,
      secrets: openEndpointSecrets(delivery.secretEnc, delivery.previousSecretEnc),
    });
  } catch (error) {
    // A secret that does not open (APP_ENCRYPTION_KEY changed): an attempt that failed on our
    // side, retried on the schedule like any other — not a lease left to expire again and again.
    logger.warn({ deliveryId: delivery.id, error }, "delivery not signed");
    return {
      statusCode: null,
      retryAfter: null,
      responseExcerpt: null,
      error: "Not sent: the endpoint's signing secret could not be opened",
      notSent: true,
    };
  }
  const result = await postWebhook(delivery.url, headers, body, {
    policy: context.policy,
    timeoutMs: context.timeoutMs,
    resolve: context.resolve,
  });
  return { ...result, exchange: captureExchange(delivery.url, result.requestHeaders, body, result.responseHeaders) };
}

/**
 * Sends one claimed delivery and records the attempt; `signal` aborted before sending gives the
 * claim back. `onSent` is called once the HTTP exchange is over, before the outcome is written.
 */
export async function sendDelivery(
  delivery: ClaimedDelivery,
  context: DeliveryContext,
  signal?: AbortSignal,
  onSent: () => void = () => undefined,
): Promise<void> {
  const startedAtMs = context.clock();
  const started = performance.now();
  const links = await linksOrFailure(delivery, context);
  let result: SendResult;
  if (links !== null && !Array.isArray(links)) {
    result = links;
  } else {
    if (signal?.aborted) {
      await releaseDelivery(context.db, delivery.id, delivery.attemptNumber);
      return;
    }
    result = await signAndPost(delivery, links, context);
  }
  onSent();
  const nowMs = context.clock();
  // The schedule counts from the last resend of a finished delivery (retryBase), not from the first attempt.
  const decision = decideOutcome(delivery.attemptNumber - delivery.retryBase, result, nowMs, context.random);
  const durationMs = Math.round(performance.now() - started);
  recordDeliveryAttempt({
    status: decision.status,
    statusCode: result.statusCode,
    notSent: result.notSent ?? false,
    seconds: durationMs / 1000,
  });
  const recorded = await context.record({
    deliveryId: delivery.id,
    endpointId: delivery.endpointId,
    workspaceId: delivery.workspaceId,
    upstreamJobId: delivery.upstreamJobId,
    exchange: result.exchange ?? null,
    attemptNumber: delivery.attemptNumber,
    decision,
    statusCode: result.statusCode,
    error: result.error ?? (decision.status === "succeeded" ? null : `HTTP ${result.statusCode}`),
    responseExcerpt: result.responseExcerpt ?? null,
    startedAtMs,
    durationMs,
  });
  if (recorded.status === null) {
    logger.warn(
      { deliveryId: delivery.id, attempt: delivery.attemptNumber },
      "delivery outcome not recorded: the claim was taken over",
    );
  }
  if (recorded.endpointDisabled) {
    logger.warn({ endpointId: delivery.endpointId, workspaceId: delivery.workspaceId }, "webhook endpoint disabled");
  }
}
