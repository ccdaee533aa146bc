import type { JobEngine } from "../jobs/job-engine";
import type { JobStore } from "../jobs/job-store";
import type { Presigner } from "../outputs/presign";

export interface RouteContext {
  apiKeys: readonly string[];
  store: JobStore;
  engine: JobEngine;
  presigner: Presigner;
  now: () => number;
  log: (line: string) => void;
}
