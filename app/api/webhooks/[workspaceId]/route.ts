import { withWebhookRoute } from "@/lib/http/with-webhook-route";
import { ingestWebhook } from "@/lib/ingest/ingest-webhook";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// POST /api/webhooks/{workspaceId} — the upstream, signed with the workspace's inbound secret (Standard Webhooks, or the workspace's HMAC profile).
export const POST = withWebhookRoute(ingestWebhook);
