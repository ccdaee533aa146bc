import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getStepExpectations } from "@/lib/insight/get-step-expectations";
import { pastCursor, type JobCursor } from "./cursor";
import { filtersWhere, stuckWhere } from "./list-jobs";
import type { JobFilters } from "./schemas";
import { csvRow } from "./to-csv-row";

const BATCH = 5_000;

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

const csvSelect = {
  id: true,
  upstreamJobId: true,
  apiProduct: true,
  status: true,
  state: true,
  createdAt: true,
  updatedAt: true,
  completedAt: true,
  duration: true,
  cost: true,
  wordCount: true,
  failureReason: true,
} satisfies Prisma.JobSelect;

/**
 * The workspace's jobs matching the Jobs page's filters as CSV, newest first (or oldest), read a
 * batch at a time by keyset as the client takes the bytes: a million rows never sit in memory, and
 * a client that stops reading stops the reads.
 */
export async function streamJobsCsv(workspaceId: string, filters: Partial<JobFilters>, now = new Date()): Promise<ReadableStream<Uint8Array>> {
  const where = filtersWhere(workspaceId, filters, filters.stuck ? stuckWhere(await getStepExpectations(workspaceId, now), now) : undefined);
  const direction = filters.sort === "oldest" ? "asc" : "desc";
  const encoder = new TextEncoder();
  let cursor: JobCursor | undefined;
  let started = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvRow([...JOB_CSV_COLUMNS])));
        }
        const rows = await prisma.job.findMany({
          where: cursor ? { AND: [where, pastCursor<Prisma.JobWhereInput>("createdAt", cursor, direction)] } : where,
          orderBy: [{ createdAt: direction }, { id: direction }],
          take: BATCH,
          select: csvSelect,
        });
        let text = "";
        for (const row of rows) {
          text += csvRow([
            row.upstreamJobId,
            row.apiProduct,
            row.status,
            row.state,
            row.createdAt.toISOString(),
            row.updatedAt.toISOString(),
            row.completedAt?.toISOString(),
            row.duration,
            row.cost?.toString(),
            row.wordCount,
            row.failureReason,
          ]);
        }
        if (text) controller.enqueue(encoder.encode(text));
        const last = rows.at(-1);
        if (rows.length < BATCH || !last) controller.close();
        else cursor = { createdAt: last.createdAt, id: last.id };
      },
    },
    // One batch ahead at most: the database is read as fast as the client downloads, no faster.
    { highWaterMark: 1 },
  );
}
