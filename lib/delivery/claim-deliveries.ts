import type pg from "pg";

// The workers' claim, one short autocommit statement: due rows are locked FOR UPDATE SKIP LOCKED
// (two workers never take the same row; neither waits for the other), marked `delivering` with a
// lease, and returned with what sending needs. The HTTP request happens after the commit.
//
// - Due: `pending` whose nextAttemptAt has come (the (status, nextAttemptAt) index, oldest first,
//   stops at the scan limit), or `delivering` whose lease expired: its worker died mid-attempt.
//   Such an attempt is logged as lost and the delivery is tried again (at-least-once).
// - Fencing: attemptCount goes up by one per claim and is the claim's token. Recording an outcome
//   or releasing requires the same (status, attemptCount), so a worker whose lease expired and
//   was re-claimed cannot overwrite the new holder's result.
// - Fairness: an endpoint has at most `perEndpoint` deliveries in flight across all workers
//   (live leases count; two claims running at the same instant may each fill it once). One at the
//   cap is skipped in the scan, so a slow endpoint's backlog cannot fill the workers while other
//   endpoints wait. Within a batch the endpoints take turns (row_number per endpoint, then age).
//   The scan still reads past a capped endpoint's due rows (the (status, nextAttemptAt) index
//   does not hold the endpoint): cheap for thousands, not for a backlog of millions. An index on
//   ("endpointId", "nextAttemptAt") WHERE status = 'pending' and a per-endpoint LATERAL claim
//   would make it independent of the backlog (a schema change: not made here).
// - Disabled endpoints: their due rows are failed here, never sent.
const CLAIM_SQL = `
WITH
busy AS (
  SELECT "endpointId", count(*)::int AS in_flight
    FROM "WebhookDelivery"
   WHERE status = 'delivering' AND "leaseExpiresAt" > $1::timestamp(3)
   GROUP BY "endpointId"
),
due AS (
  SELECT d.id, d."endpointId", d."nextAttemptAt", d."attemptCount", d."leaseExpiresAt", false AS expired
    FROM "WebhookDelivery" AS d
   WHERE d.status = 'pending' AND d."nextAttemptAt" <= $1::timestamp(3)
     AND ($7::text IS NULL OR d."workspaceId" = $7::text)
     AND NOT EXISTS (SELECT 1 FROM busy WHERE busy."endpointId" = d."endpointId" AND busy.in_flight >= $4::int)
   ORDER BY d."nextAttemptAt"
   LIMIT $3::int
   FOR UPDATE SKIP LOCKED
),
expired AS (
  SELECT d.id, d."endpointId", d."nextAttemptAt", d."attemptCount", d."leaseExpiresAt", true AS expired
    FROM "WebhookDelivery" AS d
   WHERE d.status = 'delivering' AND d."leaseExpiresAt" <= $1::timestamp(3)
     AND ($7::text IS NULL OR d."workspaceId" = $7::text)
   LIMIT $3::int
   FOR UPDATE SKIP LOCKED
),
candidates AS (
  SELECT c.*, ep.enabled, ep."disabledReason", COALESCE(b.in_flight, 0) AS in_flight,
         row_number() OVER (PARTITION BY c."endpointId" ORDER BY c."nextAttemptAt", c.id) AS turn
    FROM (SELECT * FROM expired UNION ALL SELECT * FROM due) AS c
    JOIN "WebhookEndpoint" AS ep ON ep.id = c."endpointId"
    LEFT JOIN busy AS b ON b."endpointId" = c."endpointId"
),
picked AS (
  SELECT id FROM candidates
   WHERE enabled AND turn + in_flight <= $4::int
   ORDER BY turn, "nextAttemptAt"
   LIMIT $2::int
),
lost_attempts AS (
  INSERT INTO "WebhookAttempt" (id, "deliveryId", "attemptNumber", "startedAt", "durationMs", error)
  SELECT replace(gen_random_uuid()::text, '-', ''), c.id, c."attemptCount",
         c."leaseExpiresAt" - make_interval(secs => $6::int / 1000.0), 0,
         'The worker stopped before recording an outcome; the lease expired and the delivery was tried again'
    FROM candidates AS c
   WHERE c.expired AND c."attemptCount" > 0
  ON CONFLICT ("deliveryId", "attemptNumber") DO NOTHING
),
claimed AS (
  UPDATE "WebhookDelivery" AS d
     SET status = 'delivering', "attemptCount" = d."attemptCount" + 1, "leaseExpiresAt" = $5::timestamp(3)
    FROM picked
   WHERE d.id = picked.id
  RETURNING d.id, d."workspaceId", d."endpointId", d."jobEventId", d."jobId", d."eventType", d."messageId", d."attemptCount"
),
abandoned AS (
  UPDATE "WebhookDelivery" AS d
     SET status = 'failed', "leaseExpiresAt" = NULL, "completedAt" = $1::timestamp(3),
         "lastError" = 'Endpoint disabled' || COALESCE(': ' || c."disabledReason", '')
    FROM candidates AS c
   WHERE d.id = c.id AND NOT c.enabled
)
SELECT c.id, c."workspaceId", c."endpointId", c."jobId", c."eventType", c."messageId",
       c."attemptCount" AS "attemptNumber", ep.url, ep."secretEnc",
       CASE WHEN ep."previousSecretExpiresAt" > $1::timestamp(3) THEN ep."previousSecretEnc" END AS "previousSecretEnc",
       ev.payload, j."upstreamJobId"
  FROM claimed AS c
  JOIN "WebhookEndpoint" AS ep ON ep.id = c."endpointId"
  JOIN "JobEvent" AS ev ON ev.id = c."jobEventId"
  JOIN "Job" AS j ON j.id = c."jobId"
`;

export interface ClaimedDelivery {
  id: string;
  workspaceId: string;
  endpointId: string;
  jobId: string;
  eventType: string;
  messageId: string;
  /** This attempt's number, and the claim's fencing token. */
  attemptNumber: number;
  url: string;
  secretEnc: string;
  /** The previous secret while a rotation's overlap lasts, else null. */
  previousSecretEnc: string | null;
  payload: unknown;
  upstreamJobId: string;
}

export interface ClaimOptions {
  nowMs: number;
  limit: number;
  perEndpoint: number;
  leaseMs: number;
  /** Only this workspace's deliveries (tests sharing one database; a tenant's dedicated worker). */
  workspaceId?: string | null;
}

export type Queryable = Pick<pg.Pool, "query">;

export async function claimDeliveries(db: Queryable, { nowMs, limit, perEndpoint, leaseMs, workspaceId = null }: ClaimOptions): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  // Scan a few times the batch: rows of endpoints that reach their cap within it are passed over.
  const scan = Math.max(limit * 4, 64);
  const values = [new Date(nowMs).toISOString(), limit, scan, perEndpoint, new Date(nowMs + leaseMs).toISOString(), leaseMs, workspaceId];
  const { rows } = await db.query<ClaimedDelivery>({ name: "delivery-claim", text: CLAIM_SQL, values });
  return rows;
}
