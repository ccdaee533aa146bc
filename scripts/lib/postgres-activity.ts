import pg from "pg";

// npm run bench:ingest --pg-stats: what PostgreSQL did during a phase. pg_stat_statements (loaded
// by the bench's embedded server with shared_preload_libraries) is read before and after and the
// difference kept; and every 10 ms the client backends' wait events are sampled, which says
// whether the ingest connections were running, waiting for a lock, for the WAL flush, or for
// the portal to send the next statement (ClientRead).
export interface StatementDelta {
  query: string;
  calls: number;
  totalMs: number;
  rows: number;
  walBytes: number;
}

interface StatementRow {
  queryid: string;
  query: string;
  calls: string;
  total_exec_time: number;
  rows: string;
  wal_bytes: string;
}

export interface PhaseActivity {
  statements: StatementDelta[];
  /** "state / wait_event_type:wait_event" → samples. */
  waits: Map<string, number>;
  samples: number;
}

async function readStatements(client: pg.Client): Promise<Map<string, StatementRow>> {
  const { rows } = await client.query<StatementRow>(
    `SELECT queryid::text, query, calls::text, total_exec_time, rows::text, wal_bytes::text
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return new Map(rows.map((row) => [row.queryid, row]));
}

/** Starts watching; `stop()` returns what happened since. */
export async function watchPostgres(url: string): Promise<{ stop(): Promise<PhaseActivity> }> {
  const client = new pg.Client({ connectionString: url, application_name: "bench activity" });
  await client.connect();
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  const before = await readStatements(client);
  const waits = new Map<string, number>();
  let samples = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      const { rows } = await client.query<{ key: string }>(
        `SELECT state || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'CPU') AS key
           FROM pg_stat_activity
          WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname = current_database()
            AND state <> 'idle' AND application_name NOT LIKE 'jobs-portal listen%'`,
      );
      samples += 1;
      for (const { key } of rows) waits.set(key, (waits.get(key) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await sampling;
      const after = await readStatements(client);
      await client.end();
      const statements: StatementDelta[] = [];
      for (const [id, row] of after) {
        const old = before.get(id);
        const calls = Number(row.calls) - Number(old?.calls ?? 0);
        if (calls <= 0) continue;
        statements.push({
          query: row.query,
          calls,
          totalMs: row.total_exec_time - (old?.total_exec_time ?? 0),
          rows: Number(row.rows) - Number(old?.rows ?? 0),
          walBytes: Number(row.wal_bytes) - Number(old?.wal_bytes ?? 0),
        });
      }
      statements.sort((a, b) => b.totalMs - a.totalMs);
      return { statements, waits, samples };
    },
  };
}

/** The top statements and wait events of a phase, for `events` events stored. */
export function describeActivity(name: string, activity: PhaseActivity, events: number): string {
  const lines = [`PostgreSQL during ${name} (${events} events stored, warm-up included):`];
  for (const statement of activity.statements.slice(0, 6)) {
    const text = statement.query.replace(/\s+/g, " ").slice(0, 90);
    lines.push(
      `  ${statement.calls.toString().padStart(7)} calls ${(statement.totalMs / statement.calls).toFixed(3).padStart(8)} ms/call ` +
        `${((statement.totalMs * 1000) / Math.max(1, events)).toFixed(0).padStart(5)} µs/event ${(statement.walBytes / Math.max(1, statement.calls)).toFixed(0).padStart(6)} WAL B/call  ${text}`,
    );
  }
  const waits = [...activity.waits].sort((a, b) => b[1] - a[1]).slice(0, 8);
  lines.push(`  busy backends, mean over ${activity.samples} samples (10 ms apart), by state / wait:`);
  for (const [key, count] of waits)
    lines.push(`    ${(count / Math.max(1, activity.samples)).toFixed(2).padStart(6)}  ${key}`);
  return lines.join("\n");
}
