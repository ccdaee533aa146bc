import { env } from "@/lib/env";

// How many webhook endpoints one workspace may have (MAX_ENDPOINTS_PER_WORKSPACE, default 20):
// each endpoint multiplies every event into one more delivery, and one workspace's endpoints
// share one workspace's slots in the delivery workers.
export function maxEndpointsPerWorkspace(): number {
  return env.MAX_ENDPOINTS_PER_WORKSPACE;
}

export function endpointLimitMessage(max: number): string {
  return `A workspace can have at most ${max} webhook endpoints. Delete one you no longer use to add another.`;
}
