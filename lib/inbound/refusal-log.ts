import "server-only";
import { namedSql } from "@/lib/db/named-sql";
import { getPool } from "@/lib/db/pool";
import { createId } from "@/lib/ingest/create-id";
import { getInboundVerifier } from "@/lib/ingest/get-inbound-verifier";
import { logger } from "@/lib/log/logger";
import { EXCERPT_CHARS, redactExcerpt, SIGNING_STRING_CHARS } from "./redact-excerpt";
import type { RefusalReason, SignatureDiagnostics } from "./types";
import type { WebhookRefusal } from "./webhook-refusal";

// The refused-requests log, built so that refusals can never flood the database:
// - only refusals for workspaces that exist are recorded (the caller has resolved it first);
// - each process writes a workspace's refusals at most once per FLUSH_INTERVAL_MS, in one batch
//   of at most MAX_DISTINCT_PER_FLUSH distinct refusals; more alike ones only raise a count, and
//   distinct ones past that are counted in the log line, not stored;
// - a refusal alike (same reason, message and header names) to one stored in the last minute
//   raises that row's count instead of adding a row;
// - a workspace keeps its latest KEEP_PER_WORKSPACE rows.
// Excerpts are redacted when written, with the workspace's secrets as they are then.
export const KEEP_PER_WORKSPACE = 50;
export const FLUSH_INTERVAL_MS = 2_000;
export const MAX_DISTINCT_PER_FLUSH = 5;
const COALESCE_WINDOW_MS = 60_000;
const MAX_BUFFERED_WORKSPACES = 1_000;
const MAX_HEADER_NAMES = 40;
// Raw text kept until the flush redacts and cuts it: the cut plus room for a secret crossing it.
const RAW_CHARS = SIGNING_STRING_CHARS + 600;

interface Pending {
  fingerprint: string;
  reason: RefusalReason;
  message: string;
  httpStatus: number;
  count: number;
  firstSeenAt: number;
  lastSeenAt: number;
  headerNames: string[];
  rawBody: string;
  rawTotalChars: number;
  signature: SignatureDiagnostics | null;
  signingStringChars: number;
}

interface WorkspaceBuffer {
  pending: Map<string, Pending>;
  dropped: number;
  timer: NodeJS.Timeout | null;
  lastFlushAt: number;
  flushing: Promise<void> | null;
}

const buffers = new Map<string, WorkspaceBuffer>();

export interface RefusedRequest {
  headers: Headers;
  /** The body as received (a string, or bytes that are not UTF-8). */
  body: string | Uint8Array;
}

function headerNamesOf(headers: Headers): string[] {
  const names: string[] = [];
  headers.forEach((_value, name) => {
    if (names.length < MAX_HEADER_NAMES) names.push(name.slice(0, 64));
  });
  return names;
}

function bufferFor(workspaceId: string, now: number): WorkspaceBuffer | null {
  const existing = buffers.get(workspaceId);
  if (existing) return existing;
  if (buffers.size >= MAX_BUFFERED_WORKSPACES) {
    // Forget idle workspaces (nothing pending, last flush long enough ago that the rate holds).
    for (const [id, buffer] of buffers) {
      if (
        buffer.pending.size === 0 &&
        !buffer.timer &&
        !buffer.flushing &&
        now - buffer.lastFlushAt > FLUSH_INTERVAL_MS
      )
        buffers.delete(id);
    }
    if (buffers.size >= MAX_BUFFERED_WORKSPACES) return null;
  }
  const created: WorkspaceBuffer = { pending: new Map(), dropped: 0, timer: null, lastFlushAt: 0, flushing: null };
  buffers.set(workspaceId, created);
  return created;
}

/**
 * Notes a refused request of an existing workspace. Never throws, never waits: the write happens
 * later, batched (see above). Cheap for a refusal alike to one already pending: a count.
 */
export function recordRefusal(
  workspaceId: string,
  refusal: WebhookRefusal,
  request: RefusedRequest,
  now = Date.now(),
): void {
  const buffer = bufferFor(workspaceId, now);
  if (!buffer) return;
  const headerNames = headerNamesOf(request.headers);
  const fingerprint = `${refusal.reason}\n${refusal.message}\n${[...headerNames].sort().join(",")}`;
  const alike = buffer.pending.get(fingerprint);
  if (alike) {
    alike.count += 1;
    alike.lastSeenAt = now;
  } else if (buffer.pending.size < MAX_DISTINCT_PER_FLUSH) {
    const text =
      typeof request.body === "string"
        ? request.body
        : Buffer.from(request.body.subarray(0, RAW_CHARS * 4)).toString("utf8");
    const signature = refusal.signature
      ? { ...refusal.signature, signingString: refusal.signature.signingString.slice(0, RAW_CHARS) }
      : null;
    const signingStringChars = refusal.signature?.signingString.length ?? 0;
    buffer.pending.set(fingerprint, {
      fingerprint,
      reason: refusal.reason,
      message: refusal.message,
      httpStatus: refusal.status,
      count: 1,
      firstSeenAt: now,
      lastSeenAt: now,
      headerNames,
      rawBody: text.slice(0, RAW_CHARS),
      rawTotalChars: typeof request.body === "string" ? request.body.length : request.body.byteLength,
      signature,
      signingStringChars,
    });
  } else {
    buffer.dropped += 1;
  }
  if (!buffer.timer && !buffer.flushing) {
    buffer.timer = setTimeout(
      () => void flushWorkspace(workspaceId),
      Math.max(0, buffer.lastFlushAt + FLUSH_INTERVAL_MS - now),
    );
    buffer.timer.unref?.();
  }
}

interface UpsertParams extends Record<string, unknown> {
  id: string;
  workspaceId: string;
  fingerprint: string;
  /** A refusal alike and seen after this is counted instead of written again. */
  coalesceAfter: string;
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
  reason: string;
  message: string;
  httpStatus: number;
  headerNames: string[];
  bodyExcerpt: string;
  details: string | null;
}

const UPSERT_SQL = namedSql<UpsertParams>(`
WITH recent AS (
  SELECT id FROM "InboundRefusal"
   WHERE "workspaceId" = :workspaceId AND fingerprint = :fingerprint AND "lastSeenAt" > :coalesceAfter::timestamp(3)
   ORDER BY "lastSeenAt" DESC
   LIMIT 1
),
bumped AS (
  UPDATE "InboundRefusal" AS r
     SET count = LEAST(r.count::bigint + :count, 2147483647)::int, "lastSeenAt" = :lastSeenAt::timestamp(3),
         "bodyExcerpt" = :bodyExcerpt, details = :details::jsonb
    FROM recent
   WHERE r.id = recent.id
  RETURNING r.id
)
INSERT INTO "InboundRefusal" (id, "workspaceId", reason, message, "httpStatus", fingerprint, count, "firstSeenAt", "lastSeenAt", "headerNames", "bodyExcerpt", details)
SELECT :id, :workspaceId, :reason::"InboundRefusalReason", :message, :httpStatus, :fingerprint, :count, :firstSeenAt::timestamp(3), :lastSeenAt::timestamp(3), :headerNames::text[], :bodyExcerpt, :details::jsonb
 WHERE NOT EXISTS (SELECT 1 FROM bumped)
`);

const TRIM_SQL = namedSql<{ workspaceId: string; keep: number }>(`
DELETE FROM "InboundRefusal"
 WHERE id IN (SELECT id FROM "InboundRefusal" WHERE "workspaceId" = :workspaceId ORDER BY "lastSeenAt" DESC, id DESC OFFSET :keep)
`);

async function secretsOf(workspaceId: string): Promise<string[]> {
  const verifier = await getInboundVerifier(workspaceId).catch(() => null);
  return verifier ? [verifier.current.text, ...(verifier.previous ? [verifier.previous.text] : [])] : [];
}

async function writePending(workspaceId: string, items: Pending[]): Promise<void> {
  const secrets = await secretsOf(workspaceId);
  const pool = getPool();
  for (const item of items) {
    const bodyExcerpt = redactExcerpt(item.rawBody, secrets, EXCERPT_CHARS, item.rawTotalChars);
    const details = item.signature
      ? {
          ...item.signature,
          signingString: redactExcerpt(
            item.signature.signingString,
            secrets,
            SIGNING_STRING_CHARS,
            item.signingStringChars,
          ),
        }
      : null;
    await pool.query(
      UPSERT_SQL.text,
      UPSERT_SQL.values({
        workspaceId,
        fingerprint: item.fingerprint,
        coalesceAfter: new Date(item.lastSeenAt - COALESCE_WINDOW_MS).toISOString(),
        count: item.count,
        lastSeenAt: new Date(item.lastSeenAt).toISOString(),
        bodyExcerpt,
        details: details === null ? null : JSON.stringify(details),
        id: createId(),
        reason: item.reason,
        message: item.message,
        httpStatus: item.httpStatus,
        firstSeenAt: new Date(item.firstSeenAt).toISOString(),
        headerNames: item.headerNames,
      }),
    );
  }
  await pool.query(TRIM_SQL.text, TRIM_SQL.values({ workspaceId, keep: KEEP_PER_WORKSPACE }));
}

async function flushWorkspace(workspaceId: string): Promise<void> {
  const buffer = buffers.get(workspaceId);
  if (!buffer) return;
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  const items = [...buffer.pending.values()];
  const dropped = buffer.dropped;
  buffer.pending.clear();
  buffer.dropped = 0;
  buffer.lastFlushAt = Date.now();
  if (dropped > 0)
    logger.warn({ workspaceId, dropped }, "inbound refusals not recorded (too many distinct ones at once)");
  if (items.length === 0) return;
  buffer.flushing = writePending(workspaceId, items)
    .catch((error: unknown) => logger.warn({ workspaceId, error }, "inbound refusals could not be recorded"))
    .finally(() => {
      buffer.flushing = null;
      // Refusals that arrived during the write wait for the next slot.
      if (buffer.pending.size > 0 && !buffer.timer) {
        buffer.timer = setTimeout(
          () => void flushWorkspace(workspaceId),
          Math.max(0, buffer.lastFlushAt + FLUSH_INTERVAL_MS - Date.now()),
        );
        buffer.timer.unref?.();
      }
    });
  await buffer.flushing;
}

/** Writes every pending refusal now (tests, and a clean shutdown). */
export async function flushRefusals(): Promise<void> {
  await Promise.all([...buffers.values()].map((buffer) => buffer.flushing));
  await Promise.all([...buffers.keys()].map((workspaceId) => flushWorkspace(workspaceId)));
}
