import { DELIVERY_WAKE_CHANNEL } from "@/lib/delivery/channel";

// THE OUTBOX STEP of apply-event's single statement: the event's re-deliveries are enqueued in
// the transaction that stores the event, so an event is delivered if and only if it was stored.
// It reads `stored_event` (the JobEvent row just inserted; none for a redelivered webhook-id, so
// nothing is enqueued twice) and the statement's parameters ($1 workspaceId, $7 event type).
//
// One WebhookDelivery per enabled endpoint of the workspace subscribed to the event type, with a
// `webhook-id` (messageId) of its own that every retry and resend keeps. Which events:
// - applied, late and duplicate: all are events the upstream sent, each under its own webhook-id.
//   The portal relays them as Svix relays what a producer sends — it does not second-guess the
//   stream: a late step still belongs on the receiver's timeline, and the documentation tells receivers
//   to expect repeats and disorder anyway. Only an exact redelivery (same webhook-id) is
//   collapsed, which is what the webhook-id is for.
// - ignored: not delivered. An event type the portal does not know has no subscribers (endpoints
//   subscribe to the four known types) and no documented shape to rebuild; a known type that
//   contradicts the job's workflow was refused as inconsistent and is not passed on.
// The NOTIFY wakes a listening worker at once (delivered on commit; one per workspace and
// transaction, however many rows: identical notifications in a transaction are folded into one).
// Its payload, the workspace id, is informational: workers look for every due row anyway.
//
// It must keep the name `enqueued_deliveries`: the final SELECT counts its rows.
export const ENQUEUE_DELIVERIES_STEP = `inserted_deliveries AS (
  INSERT INTO "WebhookDelivery" (id, "workspaceId", "endpointId", "jobEventId", "jobId", "eventType", "messageId",
                                 "nextAttemptAt", "createdAt")
  SELECT replace(gen_random_uuid()::text, '-', ''), $1::text, endpoint.id, e.id, e."jobId", $7::text,
         'msg_' || replace(gen_random_uuid()::text, '-', ''),
         statement_timestamp() AT TIME ZONE 'UTC', statement_timestamp() AT TIME ZONE 'UTC'
    FROM stored_event AS e
    JOIN "WebhookEndpoint" AS endpoint
      ON endpoint."workspaceId" = $1::text AND endpoint.enabled AND $7::text = ANY (endpoint."eventTypes")
   WHERE e.disposition <> 'ignored'
  RETURNING id
),
delivery_wake AS (
  SELECT pg_notify('${DELIVERY_WAKE_CHANNEL}', $1::text) AS notified
    FROM (SELECT 1 FROM inserted_deliveries LIMIT 1) AS any_delivery
),
enqueued_deliveries AS (
  SELECT d.id, w.notified FROM inserted_deliveries AS d LEFT JOIN delivery_wake AS w ON true
)`;
