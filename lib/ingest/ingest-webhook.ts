import { announceJobActivity } from "@/lib/live/announce-job-activity";
import { logger } from "@/lib/log/logger";
import type { IngestDisposition } from "./apply-events";
import { assertOutputUrlsAllowed } from "./assert-output-urls-allowed";
import { buildEventInput } from "./build-event-input";
import { applyEventGroupCommitted } from "./group-commits";
import type { SignedWebhook } from "./receive-signed-webhook";
import { parseIngestPayload } from "./schemas";

export interface IngestResult {
  received: true;
  disposition: IngestDisposition;
}

/**
 * Stores a verified event and applies it to its job. Any 2xx answer means the event is durably
 * stored (or was already, or is a future event type about a job never seen — see apply-events).
 */
export async function ingestWebhook(webhook: SignedWebhook): Promise<IngestResult> {
  const parsed = parseIngestPayload(webhook.json, webhook.text);
  await assertOutputUrlsAllowed(webhook.workspaceId, parsed);
  const input = buildEventInput(webhook, parsed, webhook.json);
  const result = await applyEventGroupCommitted(input);
  // An event stored without moving its job (late, duplicate, ignored) is no job change, but it is
  // on the job page's timeline: that page is told separately, after the commit.
  if (result.stored && result.disposition !== "applied")
    void announceJobActivity([{ workspaceId: webhook.workspaceId, jobId: input.upstreamJobId }]);
  if (result.disposition === "ignored") {
    // Not an error: kept for the timeline. Worth a line, since it may mean the upstream moved on.
    const { workspaceId, webhookId } = webhook;
    logger.info(
      { workspaceId, webhookId, event: input.event, upstreamJobId: input.upstreamJobId, stored: result.stored },
      "webhook event ignored",
    );
  }
  return { received: true, disposition: result.disposition };
}
