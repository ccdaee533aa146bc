import { getUpstreamConnection } from "@/lib/upstream/get-upstream-connection";
import { logger } from "@/lib/http/logger";
import { describeConnectionCheck, type ConnectionCheck } from "./describe-connection-check";

export const CONNECTION_CHECK_TIMEOUT_MS = 5_000;
/** A job id no upstream has: the call proves authentication without touching a real job. */
const PROBE_JOB_ID = "job_connection_check";

/** Calls the upstream with the workspace's saved base URL and key, and says what happened. */
export async function checkUpstreamConnection(workspaceId: string): Promise<ConnectionCheck> {
  const connection = await getUpstreamConnection(workspaceId);
  if (!connection) {
    return { result: "not_configured", message: "Save a base URL and an API key first." };
  }
  let response: Response;
  try {
    response = await fetch(`${connection.baseUrl}/v1/jobs/${PROBE_JOB_ID}/download-result`, {
      method: "POST",
      headers: { authorization: `Bearer ${connection.apiKey}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ expirationSeconds: 60 }),
      signal: AbortSignal.timeout(CONNECTION_CHECK_TIMEOUT_MS),
      // The saved URL is the endpoint: a redirect elsewhere would carry the key to another host.
      redirect: "manual",
      cache: "no-store",
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    logger.info("upstream connection check failed", { workspaceId, timedOut, error });
    return {
      result: "unreachable",
      message: timedOut
        ? `No answer within ${CONNECTION_CHECK_TIMEOUT_MS / 1000} seconds.`
        : "Could not connect. Check the base URL and that the API is reachable from this server.",
    };
  }
  const body: unknown = await response.json().catch(() => null);
  return describeConnectionCheck(response.status, body);
}
