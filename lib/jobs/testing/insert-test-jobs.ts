import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { type ApiProduct, type JobStatus, stateOf } from "@/lib/workflow/workflows";

// Integration-test support: jobs written straight to the table with the timestamps a test needs
// (ingest is tested elsewhere), in a workspace of test/fixtures/workspace.ts.

export interface TestJob {
  upstreamJobId: string;
  apiProduct?: ApiProduct;
  status?: JobStatus;
  createdAt: Date;
  failureReason?: string;
}

/** Inserts jobs; returns their row ids in the order given. */
export async function insertJobs(workspaceId: string, jobs: TestJob[]): Promise<string[]> {
  const rows = jobs.map((job) => {
    const apiProduct = job.apiProduct ?? "transcribe";
    const status = job.status ?? "transcribed";
    return {
      id: `t${randomUUID().replace(/-/g, "")}`,
      workspaceId,
      upstreamJobId: job.upstreamJobId,
      apiProduct,
      status,
      state: stateOf(apiProduct, status),
      createdAt: job.createdAt,
      updatedAt: job.createdAt,
      failureReason: job.failureReason ?? null,
    };
  });
  await prisma.job.createMany({ data: rows });
  return rows.map((row) => row.id);
}
