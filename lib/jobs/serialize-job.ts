import type { Prisma } from "@/lib/db/generated/client";
import { progressOf, type StepStatus } from "@/lib/workflow/workflows";
import type { SerializedJob } from "./types";

// Server importers keep naming the type from here; client code imports it from ./types.
export type { SerializedJob };

// A job as lib/jobs/types.ts describes it: explicit fields, ISO dates, plain numbers. `id` is the
// upstream's job id — the portal's own row id never leaves the server.
export const jobSelect = {
  id: true,
  upstreamJobId: true,
  apiProduct: true,
  status: true,
  state: true,
  duration: true,
  cost: true,
  wordCount: true,
  failureReason: true,
  createdAt: true,
  updatedAt: true,
  completedAt: true,
} satisfies Prisma.JobSelect;

export type JobRow = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

/** `lastStep`: the furthest step a failed or rejected job reached (from its events). */
export function serializeJob(row: JobRow, lastStep?: StepStatus): SerializedJob {
  const { step, total } = progressOf(row.apiProduct, row.status, lastStep);
  return {
    id: row.upstreamJobId,
    apiProduct: row.apiProduct,
    status: row.status,
    state: row.state,
    progress: { step, total },
    duration: row.duration,
    // DECIMAL(12,4): at most 8 integer digits, exact in a double.
    cost: row.cost === null ? null : Number(row.cost.toString()),
    wordCount: row.wordCount,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
