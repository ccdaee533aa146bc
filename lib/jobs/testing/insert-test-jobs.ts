import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { stateOf, type ApiProduct, type JobStatus } from "@/lib/workflow/workflows";

// Integration-test support: a workspace of its own per test, and jobs written straight to the
// table with the timestamps a test needs (ingest is tested elsewhere).
export async function createTestWorkspace(data: Partial<Prisma.WorkspaceCreateInput> = {}): Promise<string> {
  const workspace = await prisma.workspace.create({
    data: { name: `jobs test ${randomUUID().slice(0, 8)}`, inboundSecretEnc: "unused", ...data },
    select: { id: true },
  });
  return workspace.id;
}

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
