import { MAX_WEBHOOK_BODY_BYTES } from "@/lib/http/body-limits";
import { ingestWebhook } from "@/lib/ingest/ingest-webhook";
import { withWebhookRoute } from "@/lib/route/with-webhook-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// POST /api/webhooks/{workspaceId}/{token} — the upstream, for a workspace verifying by secret URL token; bodies up to 1 MiB.
export const POST = withWebhookRoute(ingestWebhook, { body: { maxBytes: MAX_WEBHOOK_BODY_BYTES } });
