import type { Queryable } from "./claim-deliveries";

// A worker's leases are short (DEFAULT_LEASE_MS) so that a worker that dies — SIGKILL, a lost
// machine — holds its deliveries and its endpoints' in-flight slots for seconds, not a minute.
// While an attempt runs (links, send, recording) its worker extends the lease, all of them in one
// statement. Only claims it still holds are extended (same status and attemptCount: the fencing
// token of claim-deliveries.ts); one that expired and was taken over stays the new holder's.
const RENEW_SQL = `
UPDATE "WebhookDelivery" AS d
   SET "leaseExpiresAt" = $3::timestamp(3)
  FROM unnest($1::text[], $2::int[]) AS held(id, attempt)
 WHERE d.id = held.id AND d.status = 'delivering' AND d."attemptCount" = held.attempt
RETURNING d.id
`;

export interface HeldClaim {
  id: string;
  attemptNumber: number;
}

/** Extends the leases of the claims given to `untilMs`; returns the ids still held. */
export async function renewLeases(db: Queryable, claims: readonly HeldClaim[], untilMs: number): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>({
    name: "delivery-renew-leases",
    text: RENEW_SQL,
    values: [
      claims.map((claim) => claim.id),
      claims.map((claim) => claim.attemptNumber),
      new Date(untilMs).toISOString(),
    ],
  });
  return new Set(rows.map((row) => row.id));
}
