import { type ExpectationTable, expectationOf } from "@/lib/insight/step-expectations";
import type { JobRow, SerializedJob } from "./serialize-job";

/** The job with when it is expected to leave its current step (null once it is finished). */
export function withExpectation(
  job: SerializedJob,
  row: Pick<JobRow, "apiProduct" | "status" | "updatedAt">,
  table: ExpectationTable,
): SerializedJob {
  return { ...job, expectation: expectationOf(table, row.apiProduct, row.status, row.updatedAt) };
}
