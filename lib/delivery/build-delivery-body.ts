import type { DownloadOutput } from "@/lib/contract/download-result";

// The body a user's endpoint receives: the Jobs API's webhook payload {"event", "timestamp", "data"}, rebuilt
// from the stored event. The stored payload kept the upstream's URLs without their query strings
// (the signatures), so a job.completed gets the fresh presigned links fetched for this attempt.
interface StoredPayload {
  timestamp?: unknown;
  data?: Record<string, unknown>;
}

/** Outputs in the documented shape: `outputIndex` only where the upstream gives one (translate's N files). */
function toWebhookOutputs(outputs: readonly DownloadOutput[]) {
  return outputs.map(({ outputIndex, url, expiresAt, sizeBytes }) =>
    outputIndex === undefined ? { url, expiresAt, sizeBytes } : { outputIndex, url, expiresAt, sizeBytes },
  );
}

export function buildDeliveryBody(
  event: string,
  storedPayload: unknown,
  freshOutputs: readonly DownloadOutput[] | null,
): string {
  const payload = (storedPayload ?? {}) as StoredPayload;
  // Keys keep the upstream's order; `outputs` is replaced where it was, or added last.
  const data: Record<string, unknown> = { ...(payload.data ?? {}) };
  if (freshOutputs) data.outputs = toWebhookOutputs(freshOutputs);
  else delete data.outputs; // never links without their signature: they would only answer 403
  return JSON.stringify({ event, timestamp: payload.timestamp, data });
}
