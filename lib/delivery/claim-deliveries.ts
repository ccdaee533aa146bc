import type pg from "pg";
import { namedSql } from "@/lib/db/named-sql";

// The workers' claim, one short autocommit statement: due rows are locked FOR UPDATE SKIP LOCKED
// (two workers never take the same row; neither waits for the other), marked `delivering` with a
// lease, and returned with what sending needs. The HTTP request happens after the commit.
//
// - Due: `pending` whose nextAttemptAt has come, or `delivering` whose lease expired: its worker
//   died mid-attempt (leases are short and renewed while the attempt runs: renew-leases.ts). Such
//   an attempt is logged as lost and the delivery is tried again (at-least-once) — unless that
//   already happened `maxLeaseRecoveries` times in a row with no outcome recorded in between:
//   then something about this delivery stops every attempt from finishing, and it is failed with
//   that reason instead of being sent forever.
// - Fencing: attemptCount goes up by one per claim and is the claim's token. Recording an outcome,
//   renewing or releasing requires the same (status, attemptCount), so a worker whose lease
//   expired and was re-claimed cannot overwrite the new holder's result.
// - Fairness, counted over live leases across all workers (two claims running at the same instant
//   may each fill a cap once): an endpoint has at most `perEndpoint` deliveries in flight and a
//   workspace at most `perWorkspace`, so one workspace's slow endpoints (a tarpit answers after the
//   send timeout) hold at most its share of the slots, never all of a worker's. The claiming
//   worker's own attempts that are over but whose outcome is still being written (`settled`) do
//   not count: they hold no slot. Within a batch the workspaces take turns, then their endpoints,
//   then the oldest rows first.
// - Cost independent of the backlog: the endpoints with pending rows are found by a skip scan of
//   the (status, endpointId, nextAttemptAt) index (one descent each), and each endpoint below its
//   caps gives at most its remaining share of due rows, oldest first. An endpoint or workspace at
//   its cap is not read at all, however many rows it has waiting; what a claim reads grows with
//   the number of endpoints that have deliveries pending, not with the deliveries.
// - Disabled endpoints: their due rows are failed here, never sent.
// The statement also says whether an endpoint or workspace is at its cap, or reached it in this
// batch: then a slot freed by an attempt that finishes may let more rows through, and the worker
// claims again at once instead of at its next poll.
interface ClaimParams extends Record<string, unknown> {
  now: string;
  limit: number;
  scan: number;
  perEndpoint: number;
  perWorkspace: number;
  leaseExpiresAt: string;
  leaseMs: number;
  workspaceIds: readonly string[] | null;
  maxLeaseRecoveries: number;
  givenUpError: string;
  lostAttemptError: string;
  settled: readonly string[];
}

const CLAIM_SQL = namedSql<ClaimParams>(`
WITH RECURSIVE
pending_endpoints(id) AS (
  (SELECT "endpointId" FROM "WebhookDelivery" WHERE status = 'pending' ORDER BY "endpointId" LIMIT 1)
  UNION ALL
  SELECT (SELECT d."endpointId" FROM "WebhookDelivery" AS d
           WHERE d.status = 'pending' AND d."endpointId" > p.id ORDER BY d."endpointId" LIMIT 1)
    FROM pending_endpoints AS p
   WHERE p.id IS NOT NULL
),
busy AS (
  SELECT "workspaceId", "endpointId", count(*)::int AS in_flight
    FROM "WebhookDelivery"
   WHERE status = 'delivering' AND "leaseExpiresAt" > :now::timestamp(3) AND NOT (id = ANY (:settled::text[]))
   GROUP BY "workspaceId", "endpointId"
),
busy_workspaces AS (
  SELECT "workspaceId", sum(in_flight)::int AS in_flight FROM busy GROUP BY "workspaceId"
),
open_endpoints AS (
  SELECT ep.id, ep.enabled,
         CASE WHEN ep.enabled
              THEN LEAST(:perEndpoint::int - COALESCE(b.in_flight, 0), :perWorkspace::int - COALESCE(w.in_flight, 0), :limit::int)
              ELSE :scan::int END AS budget
    FROM pending_endpoints AS p
    JOIN "WebhookEndpoint" AS ep ON ep.id = p.id
    LEFT JOIN busy AS b ON b."endpointId" = ep.id
    LEFT JOIN busy_workspaces AS w ON w."workspaceId" = ep."workspaceId"
   WHERE (:workspaceIds::text[] IS NULL OR ep."workspaceId" = ANY (:workspaceIds::text[]))
),
due AS (
  SELECT r.*
    FROM open_endpoints AS e
   CROSS JOIN LATERAL (
     SELECT d.id, d."workspaceId", d."endpointId", d."nextAttemptAt", d."attemptCount", d."leaseExpiresAt", d."leaseRecoveries", false AS expired
       FROM "WebhookDelivery" AS d
      WHERE d.status = 'pending' AND d."endpointId" = e.id AND d."nextAttemptAt" <= :now::timestamp(3)
      ORDER BY d."nextAttemptAt"
      LIMIT e.budget
      FOR UPDATE SKIP LOCKED
   ) AS r
   WHERE e.budget > 0
),
expired AS (
  SELECT d.id, d."workspaceId", d."endpointId", d."nextAttemptAt", d."attemptCount", d."leaseExpiresAt", d."leaseRecoveries", true AS expired
    FROM "WebhookDelivery" AS d
   WHERE d.status = 'delivering' AND d."leaseExpiresAt" <= :now::timestamp(3)
     AND (:workspaceIds::text[] IS NULL OR d."workspaceId" = ANY (:workspaceIds::text[]))
   LIMIT :scan::int
   FOR UPDATE SKIP LOCKED
),
candidates AS (
  SELECT c.*, ep.enabled, ep."disabledReason",
         c.expired AND c."leaseRecoveries" + 1 >= :maxLeaseRecoveries::int AS give_up,
         COALESCE(b.in_flight, 0) AS endpoint_in_flight, COALESCE(w.in_flight, 0) AS workspace_in_flight,
         row_number() OVER (PARTITION BY c."endpointId" ORDER BY c."nextAttemptAt", c.id) AS endpoint_turn
    FROM (SELECT * FROM expired UNION ALL SELECT * FROM due) AS c
    JOIN "WebhookEndpoint" AS ep ON ep.id = c."endpointId"
    LEFT JOIN busy AS b ON b."endpointId" = c."endpointId"
    LEFT JOIN busy_workspaces AS w ON w."workspaceId" = c."workspaceId"
),
eligible AS (
  SELECT id, expired, "nextAttemptAt", endpoint_turn, workspace_in_flight,
         row_number() OVER (PARTITION BY "workspaceId" ORDER BY endpoint_turn, "nextAttemptAt", id) AS workspace_turn
    FROM candidates
   WHERE enabled AND NOT give_up AND endpoint_turn + endpoint_in_flight <= :perEndpoint::int
),
picked AS (
  SELECT id, expired FROM eligible
   WHERE workspace_turn + workspace_in_flight <= :perWorkspace::int
   ORDER BY workspace_turn, endpoint_turn, "nextAttemptAt"
   LIMIT :limit::int
),
lost_attempts AS (
  INSERT INTO "WebhookAttempt" (id, "deliveryId", "attemptNumber", "startedAt", "durationMs", error)
  SELECT replace(gen_random_uuid()::text, '-', ''), c.id, c."attemptCount",
         c."leaseExpiresAt" - make_interval(secs => :leaseMs::int / 1000.0), 0,
         CASE WHEN c.give_up AND c.enabled THEN :givenUpError ELSE :lostAttemptError END
    FROM candidates AS c
   WHERE c.expired AND c."attemptCount" > 0
  ON CONFLICT ("deliveryId", "attemptNumber") DO NOTHING
),
claimed AS (
  UPDATE "WebhookDelivery" AS d
     SET status = 'delivering', "attemptCount" = d."attemptCount" + 1, "leaseExpiresAt" = :leaseExpiresAt::timestamp(3),
         "leaseRecoveries" = d."leaseRecoveries" + (CASE WHEN picked.expired THEN 1 ELSE 0 END)
    FROM picked
   WHERE d.id = picked.id
  RETURNING d.id, d."workspaceId", d."endpointId", d."jobEventId", d."jobId", d."eventType", d."messageId", d."attemptCount", d."retryBase"
),
given_up AS (
  UPDATE "WebhookDelivery" AS d
     SET status = 'failed', "leaseExpiresAt" = NULL, "completedAt" = :now::timestamp(3),
         "leaseRecoveries" = d."leaseRecoveries" + 1, "lastStatusCode" = NULL, "lastError" = :givenUpError
    FROM candidates AS c
   WHERE d.id = c.id AND c.enabled AND c.give_up
),
abandoned AS (
  UPDATE "WebhookDelivery" AS d
     SET status = 'failed', "leaseExpiresAt" = NULL, "completedAt" = :now::timestamp(3),
         "lastError" = 'Endpoint disabled' || COALESCE(': ' || c."disabledReason", '')
    FROM candidates AS c
   WHERE d.id = c.id AND NOT c.enabled
),
capped AS (
  SELECT EXISTS (SELECT 1 FROM open_endpoints WHERE enabled AND budget <= 0)
      OR EXISTS (SELECT 1 FROM candidates WHERE enabled AND NOT give_up AND endpoint_turn + endpoint_in_flight > :perEndpoint::int)
      OR EXISTS (SELECT 1 FROM eligible WHERE workspace_turn + workspace_in_flight > :perWorkspace::int) AS capped
)
SELECT capped.capped, c.id, c."workspaceId", c."endpointId", c."jobId", c."eventType", c."messageId",
       c."attemptCount" AS "attemptNumber", c."retryBase", ep.url, ep."secretEnc",
       CASE WHEN ep."previousSecretExpiresAt" > :now::timestamp(3) THEN ep."previousSecretEnc" END AS "previousSecretEnc",
       ev.payload, j."upstreamJobId"
  FROM capped
  LEFT JOIN claimed AS c ON true
  LEFT JOIN "WebhookEndpoint" AS ep ON ep.id = c."endpointId"
  LEFT JOIN "JobEvent" AS ev ON ev.id = c."jobEventId"
  LEFT JOIN "Job" AS j ON j.id = c."jobId"
`);

export const LOST_ATTEMPT_ERROR =
  "The worker stopped before recording an outcome; the lease expired and the delivery was tried again";

export function givenUpError(recoveries: number): string {
  return `Given up: ${recoveries} attempts in a row ended without an outcome recorded (the worker stopped, or could not store what happened), so it is not sent again. Resend it once the cause is fixed.`;
}

export interface ClaimedDelivery {
  id: string;
  workspaceId: string;
  endpointId: string;
  jobId: string;
  eventType: string;
  messageId: string;
  /** This attempt's number, and the claim's fencing token. */
  attemptNumber: number;
  /** Attempts made before the current retry schedule began (a resend of a finished delivery). */
  retryBase: number;
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
  perWorkspace: number;
  leaseMs: number;
  /** Lease expiries in a row, none with an outcome recorded, after which a delivery is failed. */
  maxLeaseRecoveries?: number;
  /** Only these workspaces' deliveries (tests sharing one database; a tenant's dedicated worker). */
  workspaceIds?: readonly string[] | null;
  /** This worker's deliveries whose attempt is over, outcome not yet written: not in flight any more. */
  settled?: readonly string[];
}

export interface Claim {
  deliveries: ClaimedDelivery[];
  /** Some endpoint or workspace was at its cap: a send that finishes may let more rows through. */
  capped: boolean;
}

export const DEFAULT_MAX_LEASE_RECOVERIES = 3;

export type Queryable = Pick<pg.Pool, "query">;

export async function claimDeliveries(db: Queryable, options: ClaimOptions): Promise<Claim> {
  const {
    nowMs,
    limit,
    perEndpoint,
    perWorkspace,
    leaseMs,
    maxLeaseRecoveries = DEFAULT_MAX_LEASE_RECOVERIES,
    workspaceIds = null,
    settled = [],
  } = options;
  if (limit <= 0) return { deliveries: [], capped: false };
  // Expired leases looked at per claim, and due rows of a disabled endpoint failed per claim.
  const scan = Math.max(limit * 4, 64);
  const values = CLAIM_SQL.values({
    now: new Date(nowMs).toISOString(),
    limit,
    scan,
    perEndpoint,
    perWorkspace,
    leaseExpiresAt: new Date(nowMs + leaseMs).toISOString(),
    leaseMs,
    workspaceIds,
    maxLeaseRecoveries,
    givenUpError: givenUpError(maxLeaseRecoveries),
    lostAttemptError: LOST_ATTEMPT_ERROR,
    settled,
  });
  const { rows } = await db.query<ClaimedDelivery & { capped: boolean }>({
    name: "delivery-claim",
    text: CLAIM_SQL.text,
    values,
  });
  return {
    capped: rows[0]?.capped ?? false,
    deliveries: rows.filter((row) => row.id !== null).map(({ capped: _, ...delivery }) => delivery),
  };
}
