import { isTerminal } from "@/lib/workflow/workflows";
import type { JobSnapshot, Simulator } from "../server";

/** Resolves with the job once `predicate` holds (default: terminal), watching status changes, not polling. */
export function waitForJob(
  sim: Simulator,
  jobId: string,
  predicate: (job: JobSnapshot) => boolean = (job) => isTerminal(job.apiProduct, job.status),
  timeoutMs = 10_000,
): Promise<JobSnapshot> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const job = sim.getJob(jobId);
      if (!job || !predicate(job)) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(job);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(
        new Error(`job ${jobId} did not reach the expected status in ${timeoutMs} ms (${sim.getJob(jobId)?.status})`),
      );
    }, timeoutMs);
    const unsubscribe = sim.onStatusChange((payload) => {
      if (payload.data.jobId === jobId) check();
    });
    check();
  });
}
