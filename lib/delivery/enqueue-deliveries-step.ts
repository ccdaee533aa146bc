// THE OUTBOX STEP: a statement that stores job events enqueues their re-deliveries in the same
// statement, hence in the same transaction, so an event is delivered if and only if it was stored.
// It is a CTE for that statement to include, with explicit inputs and no parameters of its own:
//
//   input   the name of a relation of the events just stored, with the columns
//           id, "workspaceId", "jobId", event, disposition   (JobEvent's own names); a redelivered
//           webhook-id is not in it (nothing was stored), so nothing is enqueued twice.
//   output  a CTE named `as`, whose rows are the deliveries enqueued: id, "workspaceId", "jobEventId".
//
// One WebhookDelivery per enabled endpoint of the event's workspace subscribed to its type, with a
// `webhook-id` (messageId) of its own that every retry and resend keeps. Which events:
// - applied, late and duplicate: all are events the upstream sent, each under its own webhook-id.
//   The portal relays them as Svix relays what a producer sends — it does not second-guess the
//   stream: a late step still belongs on the receiver's timeline, and the documentation tells receivers
//   to expect repeats and disorder anyway. Only an exact redelivery (same webhook-id) is
//   collapsed, which is what the webhook-id is for.
// - ignored: not delivered. An event type the portal does not know has no subscribers (endpoints
//   subscribe to the four known types) and no documented shape to rebuild; a known type that
//   contradicts the job's workflow was refused as inconsistent and is not passed on.
// Waking the workers is the caller's, after the commit (lib/ingest/announce-changes.ts): a NOTIFY
// inside the transaction would serialise every ingest commit on PostgreSQL's notify lock. Workers
// that miss the wake-up find the rows when they next poll.
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export interface EnqueueDeliveriesStep {
  /** The relation of stored events (a CTE name). */
  storedEvents: string;
  /** The name of the CTE this returns. */
  as: string;
}

export function enqueueDeliveriesStep({ storedEvents, as }: EnqueueDeliveriesStep): string {
  for (const name of [storedEvents, as])
    if (!IDENTIFIER.test(name)) throw new Error(`enqueueDeliveriesStep: bad identifier ${name}`);
  return `${as} AS (
  INSERT INTO "WebhookDelivery" (id, "workspaceId", "endpointId", "jobEventId", "jobId", "eventType", "messageId",
                                 "nextAttemptAt", "createdAt")
  SELECT replace(gen_random_uuid()::text, '-', ''), e."workspaceId", endpoint.id, e.id, e."jobId", e.event,
         'msg_' || replace(gen_random_uuid()::text, '-', ''),
         statement_timestamp() AT TIME ZONE 'UTC', statement_timestamp() AT TIME ZONE 'UTC'
    FROM ${storedEvents} AS e
    JOIN "WebhookEndpoint" AS endpoint
      ON endpoint."workspaceId" = e."workspaceId" AND endpoint.enabled AND e.event = ANY (endpoint."eventTypes")
   WHERE e.disposition <> 'ignored'
  RETURNING id, "workspaceId", "jobEventId"
)`;
}
