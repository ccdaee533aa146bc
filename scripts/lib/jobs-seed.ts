import { createHash } from "node:crypto";
import type pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { recountJobCounters } from "@/lib/insight/recount-job-counters";
import { inTransaction } from "./in-transaction";
import { checkCounters } from "./jobs-seed-check";
import {
  DELIVERIES_SQL,
  DUPLICATE_EVENTS_SQL,
  JOB_BATCH_SQL,
  type JobBatchParams,
  WORKFLOW_VALUES,
} from "./jobs-seed-sql";

// bench:jobs' data: one big workspace and ten small ones, written straight into the bench's own
// database (generate_series, in one transaction, with the big tables' secondary indexes dropped
// and rebuilt around the load), their counters rebuilt by the real `npm run db:recount` code, and
// a marker row naming the seed's version and moment. A later run whose marker matches reuses all
// of it and measures as of that moment (the queries take `now`), so runs on different days see
// the same data.

export interface EndpointSpec {
  id: string;
  url: string;
  eventTypes: string[];
  /** Days before t0. */
  createdDaysAgo: number;
  /** Disabled this many days before t0 (its deliveries stop then). */
  disabledDaysAgo?: number;
}

export interface SeedWorkspace {
  id: string;
  prefix: string;
  jobs: number;
  /** Exactly this many events: the upstream's, plus redeliveries of some of them up to the number. */
  events: number;
  endpoints: EndpointSpec[];
}

const DAY_S = 86_400;
/** Every workspace's jobs span 88 days up to t0: all inside the 90-day range and the default retention. */
const SPAN_DAYS = 88;
const BATCH = 50_000;
export const BENCH_EMAIL = "bench@example.com";
export const BENCH_PASSWORD = "bench-password";
// The tables whose secondary indexes are dropped during the load and rebuilt after it (a btree
// built once from sorted input is several times faster than millions of random inserts).
const LOADED_TABLES = ["Job", "JobEvent", "WebhookDelivery"];

export interface Seeded {
  /** The seed's moment: the data is as it was then. */
  t0: Date;
  reused: boolean;
  /** This run's seeding time (0 when reused), and the original seeding time. */
  seconds: number;
  seededSeconds: number;
  recountMs: number;
  rows: { jobs: number; events: number; deliveries: number };
}

function versionOf(workspaces: SeedWorkspace[]): string {
  const sql = [JOB_BATCH_SQL.text, DUPLICATE_EVENTS_SQL.text, DELIVERIES_SQL.text].join("\n");
  return createHash("sha256")
    .update(sql + JSON.stringify({ workspaces, SPAN_DAYS, WORKFLOW_VALUES }))
    .digest("hex")
    .slice(0, 16);
}

const log = (line: string) => process.stderr.write(`  ${line}\n`);

async function rowCounts(pool: pg.Pool): Promise<Seeded["rows"]> {
  const { rows } = await pool.query<{ jobs: string; events: string; deliveries: string }>(
    `SELECT (SELECT count(*) FROM "Job") AS jobs, (SELECT count(*) FROM "JobEvent") AS events,
            (SELECT count(*) FROM "WebhookDelivery") AS deliveries`,
  );
  return { jobs: Number(rows[0].jobs), events: Number(rows[0].events), deliveries: Number(rows[0].deliveries) };
}

/** The seeded data, reused when an earlier run left the same version complete. */
export async function ensureSeeded(pool: pg.Pool, workspaces: SeedWorkspace[]): Promise<Seeded> {
  const version = versionOf(workspaces);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_seed (version text NOT NULL, t0 timestamptz NOT NULL, seconds float8 NOT NULL, recount_ms float8 NOT NULL)`,
  );
  const { rows } = await pool.query<{ version: string; t0: Date; seconds: number; recount_ms: number }>(
    `SELECT version, t0, seconds, recount_ms FROM bench_seed`,
  );
  if (rows[0]?.version === version) {
    const hours = (Date.now() - rows[0].t0.getTime()) / 3_600_000;
    log(
      `reusing the seeded data (version ${version}, seeded ${hours.toFixed(1)} h ago in ${rows[0].seconds.toFixed(0)} s)`,
    );
    await checkCounters(pool);
    return {
      t0: rows[0].t0,
      reused: true,
      seconds: 0,
      seededSeconds: rows[0].seconds,
      recountMs: rows[0].recount_ms,
      rows: await rowCounts(pool),
    };
  }
  log(rows[0] ? `the seed changed (version ${rows[0].version} → ${version}): seeding again` : "seeding");
  const started = performance.now();
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  await load(pool, workspaces, t0);
  const loaded = performance.now();
  log(`loaded in ${((loaded - started) / 1000).toFixed(0)} s; npm run db:recount (every workspace)…`);
  await recountJobCounters();
  const recountMs = performance.now() - loaded;
  log(`db:recount: ${(recountMs / 1000).toFixed(1)} s; VACUUM ANALYZE…`);
  const vacuumStarted = performance.now();
  await pool.query("VACUUM ANALYZE");
  log(`VACUUM ANALYZE: ${((performance.now() - vacuumStarted) / 1000).toFixed(0)} s`);
  await checkCounters(pool);
  const seconds = (performance.now() - started) / 1000;
  await pool.query(`INSERT INTO bench_seed (version, t0, seconds, recount_ms) VALUES ($1, $2, $3, $4)`, [
    version,
    t0,
    seconds,
    recountMs,
  ]);
  return { t0, reused: false, seconds, seededSeconds: seconds, recountMs, rows: await rowCounts(pool) };
}

/** Everything but the counters, in one transaction: a run cut short leaves the previous data (or none). */
async function load(pool: pg.Pool, workspaces: SeedWorkspace[], t0: Date): Promise<void> {
  await inTransaction(pool, async (client) => {
    // A superuser's session on the bench's own server: foreign keys are not checked row by row
    // (the generated rows satisfy them by construction), and nothing times out.
    await client.query(
      "SET LOCAL session_replication_role = replica; SET LOCAL statement_timeout = 0; SET LOCAL work_mem = '128MB'; SET LOCAL maintenance_work_mem = '512MB'",
    );
    await client.query(`TRUNCATE "Workspace", "User", bench_seed CASCADE`);
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = ANY ($1::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [LOADED_TABLES.map((table) => `"${table}"`)],
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    await insertOwners(client, workspaces, t0);

    const total = workspaces.reduce((sum, workspace) => sum + workspace.jobs, 0);
    let done = 0;
    for (const [n, workspace] of workspaces.entries()) {
      const spacing = (SPAN_DAYS * DAY_S) / workspace.jobs;
      for (let from = 1; from <= workspace.jobs; from += BATCH) {
        const to = Math.min(workspace.jobs, from + BATCH - 1);
        const params: JobBatchParams = {
          workspaceId: workspace.id,
          prefix: workspace.prefix,
          from,
          to,
          t0: t0.toISOString(),
          spacing,
          salt: 7 + n,
        };
        await client.query(JOB_BATCH_SQL.text, JOB_BATCH_SQL.values({ ...WORKFLOW_VALUES, ...params }));
        done += to - from + 1;
        progress(done, total);
      }
      await topUpEvents(client, workspace, t0);
    }
    process.stderr.write("\n");
    let at = performance.now();
    const deliveries = await client.query(
      DELIVERIES_SQL.text,
      DELIVERIES_SQL.values({ workspaceIds: workspaces.map((workspace) => workspace.id), t0: t0.toISOString() }),
    );
    log(`${deliveries.rowCount?.toLocaleString()} deliveries in ${((performance.now() - at) / 1000).toFixed(0)} s`);
    at = performance.now();
    for (const index of indexes) await client.query(index.definition);
    log(`${indexes.length} indexes rebuilt in ${((performance.now() - at) / 1000).toFixed(0)} s`);
  });
}

/** The workspaces, their endpoints, and one user who owns them all (the export signs in as them). */
async function insertOwners(client: pg.PoolClient, workspaces: SeedWorkspace[], t0: Date): Promise<void> {
  const daysBefore = (days: number) => new Date(t0.getTime() - days * DAY_S * 1000);
  await client.query(
    `INSERT INTO "Workspace" (id, name, "inboundSecretEnc", "createdAt", "updatedAt")
     SELECT id, id, 'unused', $2, $2 FROM unnest($1::text[]) AS id`,
    [workspaces.map((workspace) => workspace.id), daysBefore(100)],
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerified") VALUES ('bench_user', $1, 'Bench', $2, $3)`,
    [BENCH_EMAIL, await hashPassword(BENCH_PASSWORD), daysBefore(100)],
  );
  await client.query(
    `INSERT INTO "Membership" (id, "workspaceId", "userId", role) SELECT 'bench_member_' || id, id, 'bench_user', 'owner' FROM unnest($1::text[]) AS id`,
    [workspaces.map((workspace) => workspace.id)],
  );
  const endpoints = workspaces.flatMap((workspace) =>
    workspace.endpoints.map((endpoint) => ({ ...endpoint, workspaceId: workspace.id })),
  );
  for (const endpoint of endpoints) {
    const disabledAt = endpoint.disabledDaysAgo === undefined ? null : daysBefore(endpoint.disabledDaysAgo);
    await client.query(
      `INSERT INTO "WebhookEndpoint" (id, "workspaceId", url, "eventTypes", enabled, "secretEnc", "disabledAt",
                                      "disabledReason", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'unused', $6, $7, $8, $8)`,
      [
        endpoint.id,
        endpoint.workspaceId,
        endpoint.url,
        endpoint.eventTypes,
        disabledAt === null,
        disabledAt,
        disabledAt && "Failing for 5 days",
        daysBefore(endpoint.createdDaysAgo),
      ],
    );
  }
}

/** Redeliveries of some events, up to the workspace's number of events. */
async function topUpEvents(client: pg.PoolClient, workspace: SeedWorkspace, t0: Date): Promise<void> {
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "JobEvent" WHERE "workspaceId" = $1`, [
    workspace.id,
  ]);
  const missing = workspace.events - Number(rows[0].count);
  if (missing < 0) throw new Error(`${workspace.id}: ${-missing} events more than the ${workspace.events} planned`);
  // Chosen by hash: a share a little above what is missing, cut at the number.
  const percent = Math.min(100, Math.ceil((missing / Number(rows[0].count)) * 100) + 2);
  const added = await client.query(
    DUPLICATE_EVENTS_SQL.text,
    DUPLICATE_EVENTS_SQL.values({ workspaceId: workspace.id, percent, missing, t0: t0.toISOString() }),
  );
  if (added.rowCount !== missing) throw new Error(`${workspace.id}: ${added.rowCount} redeliveries of ${missing}`);
}

function progress(done: number, total: number): void {
  const width = 40;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r  jobs and events [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done.toLocaleString()} / ${total.toLocaleString()} jobs`,
  );
}
