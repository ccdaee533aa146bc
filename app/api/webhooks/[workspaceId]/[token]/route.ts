import { withWebhookRoute } from "@/lib/http/with-webhook-route";
import { ingestWebhook } from "@/lib/ingest/ingest-webhook";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// POST /api/webhooks/{workspaceId}/{token} — the upstream, for a workspace verifying by secret URL token.
export const POST = withWebhookRoute(ingestWebhook);
