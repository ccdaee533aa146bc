import "server-only";
import { type ReadScope, readFromPrimary } from "@/lib/db/read-from-replica";
import { getStepExpectations } from "@/lib/insight/get-step-expectations";
import { stuckCutoffs } from "@/lib/insight/step-expectations";
import type { JobFilters } from "./schemas";
import { csvCell, csvRow } from "./to-csv-row";

const BATCH = 5_000;
const DAY_MS = 86_400_000;

export const JOB_CSV_COLUMNS = [
  "jobId",
  "apiProduct",
  "status",
  "state",
  "createdAt",
  "updatedAt",
  "completedAt",
  "durationSeconds",
  "cost",
  "wordCount",
  "failureReason",
] as const;

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The Jobs page's filters (lib/jobs/list-jobs.ts filtersWhere, the same rules) as SQL over "Job" j.
 * Plain SQL rather than Prisma: a million rows through the ORM's row objects ran at ~20,000 rows/s,
 * through pg's array rows with the text formatted by PostgreSQL several times that.
 */
function whereSql(workspaceId: string, filters: Partial<JobFilters>, cutoffs: ReturnType<typeof stuckCutoffs> | null) {
  const values: unknown[] = [workspaceId];
  const bind = (value: unknown) => `$${values.push(value)}`;
  const conditions = [`j."workspaceId" = $1`];
  if (filters.apiProduct) conditions.push(`j."apiProduct" = ${bind(filters.apiProduct)}::"ApiProduct"`);
  if (filters.state) conditions.push(`j.state = ${bind(filters.state)}::"JobState"`);
  if (filters.status) conditions.push(`j.status = ${bind(filters.status)}::"JobStatus"`);
  if (filters.q) conditions.push(`j."upstreamJobId" LIKE ${bind(`${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (filters.createdFrom) conditions.push(`j."createdAt" >= ${bind(`${filters.createdFrom}T00:00:00`)}::timestamp(3)`);
  if (filters.createdTo)
    conditions.push(
      `j."createdAt" < ${bind(new Date(Date.parse(`${filters.createdTo}T00:00:00Z`) + DAY_MS).toISOString())}::timestamp(3)`,
    );
  if (cutoffs) {
    const products = bind(cutoffs.map((cutoff) => cutoff.apiProduct));
    const steps = bind(cutoffs.map((cutoff) => cutoff.step));
    const before = bind(cutoffs.map((cutoff) => cutoff.reachedBefore.toISOString()));
    conditions.push(
      `j.state = 'in_progress' AND EXISTS (SELECT 1 FROM unnest(${products}::text[], ${steps}::text[], ${before}::timestamp(3)[]) AS c(product, step, before)
        WHERE j."apiProduct"::text = c.product AND j.status::text = c.step AND j."updatedAt" < c.before)`,
    );
  }
  return { conditions, values, bind };
}

// A batch's row: the job id, "product,status,state", createdAt, "updatedAt,completedAt" (the
// values PostgreSQL writes that never need quoting, joined there), duration, cost, word count,
// failure reason, and the row id (the cursor's, with createdAt).
type Row = [string, string, string, string, number | null, string | null, number | null, string | null, string];

/**
 * The row as csvRow(JOB_CSV_COLUMNS' values) writes it, with csvCell only where a value can need
 * quoting or defusing (text from the upstream, and the cost, a string): a million rows spent a
 * third of the export's CPU in cells that never do (bench:jobs).
 */
function toLine(row: Row): string {
  const [jobId, kinds, createdAt, updates, duration, cost, wordCount, failureReason] = row;
  return `${csvCell(jobId)},${kinds},${createdAt},${updates},${duration ?? ""},${csvCell(cost)},${wordCount ?? ""},${csvCell(failureReason)}\r\n`;
}

/**
 * The workspace's jobs matching the Jobs page's filters as CSV, newest first (or oldest), read a
 * keyset batch at a time as the client takes the bytes: a million rows never sit in memory, and
 * a client that stops reading stops the reads. Each batch is read through `read` (the replica or
 * the primary, chosen per batch: a replica lost midway leaves the rest to the primary).
 */
export async function streamJobsCsv(
  workspaceId: string,
  filters: Partial<JobFilters>,
  now = new Date(),
  read: ReadScope = readFromPrimary,
): Promise<ReadableStream<Uint8Array>> {
  const cutoffs = filters.stuck
    ? stuckCutoffs(await read(({ db }) => getStepExpectations(workspaceId, now, db)), now)
    : null;
  const descending = filters.sort !== "oldest";
  const encoder = new TextEncoder();
  let cursor: { at: string; id: string } | null = null;
  let started = false;

  async function batch(): Promise<Row[]> {
    const { conditions, values, bind } = whereSql(workspaceId, filters, cutoffs);
    if (cursor)
      conditions.push(
        `(j."createdAt", j.id) ${descending ? "<" : ">"} (${bind(cursor.at)}::timestamp(3), ${bind(cursor.id)})`,
      );
    const order = descending ? "DESC" : "ASC";
    const { rows } = await read(({ pool }) =>
      pool.query<Row>({
        text: `SELECT j."upstreamJobId",
                    j."apiProduct"::text || ',' || j.status::text || ',' || j.state::text,
                    to_char(j."createdAt", ${ISO}),
                    to_char(j."updatedAt", ${ISO}) || ',' || coalesce(to_char(j."completedAt", ${ISO}), ''),
                    j.duration, trim_scale(j.cost)::text, j."wordCount", j."failureReason", j.id
               FROM "Job" j WHERE ${conditions.join(" AND ")}
              ORDER BY j."createdAt" ${order}, j.id ${order} LIMIT ${BATCH}`,
        values,
        rowMode: "array",
      }),
    );
    return rows;
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvRow([...JOB_CSV_COLUMNS])));
        }
        const rows = await batch();
        let text = "";
        for (const row of rows) text += toLine(row);
        if (text) controller.enqueue(encoder.encode(text));
        const last = rows.at(-1);
        if (rows.length < BATCH || !last) controller.close();
        else cursor = { at: last[2], id: last[8] };
      },
    },
    // One batch ahead at most: the database is read as fast as the client downloads, no faster.
    { highWaterMark: 1 },
  );
}
