import { randomBytes } from "node:crypto";
import type { ApiProduct, JobStatus } from "@/lib/workflow/workflows";
import type { StoredOutput } from "../outputs/generate-outputs";
import type { JobPlan } from "./job-plan";
import type { JobInput } from "./schemas";

// Jobs live in memory only: the simulator is a stand-in for the vendor, and a restart is a clean slate.

export interface SimJob {
  jobId: string;
  /** The key that created the job; another key's requests see it as "not found". */
  apiKey: string;
  apiProduct: ApiProduct;
  input: JobInput;
  plan: JobPlan;
  status: JobStatus;
  history: { status: JobStatus; at: string }[];
  outputs?: StoredOutput[];
  wordCount?: number;
  cost?: number;
  /** Frozen at its current status by the test control (Simulator.stallJob): a vendor's job gone quiet. */
  stalled?: boolean;
}

export interface JobStore {
  add(job: SimJob): void;
  /** Any job, whoever owns it: presigned links are their own authorization. */
  get(jobId: string): SimJob | undefined;
  getForKey(jobId: string, apiKey: string): SimJob | undefined;
  all(): SimJob[];
}

export function newJobId(): string {
  return `job_${randomBytes(12).toString("hex")}`;
}

export function createJobStore(): JobStore {
  const jobs = new Map<string, SimJob>();
  return {
    add: (job) => void jobs.set(job.jobId, job),
    get: (jobId) => jobs.get(jobId),
    getForKey(jobId, apiKey) {
      const job = jobs.get(jobId);
      return job?.apiKey === apiKey ? job : undefined;
    },
    all: () => [...jobs.values()],
  };
}
