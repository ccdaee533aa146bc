import { errorEnvelopeSchema } from "@/lib/contract/errors";
import type { ConnectionCheck } from "./types";

// Server importers keep naming the type from here; client code imports it from ./types.
export type { ConnectionCheck };

/**
 * Reads the upstream's answer to download-result for a job that cannot exist. Only the documented
 * own 404 envelope proves the key was accepted: any web server answers 404 to an unknown path.
 */
export function describeConnectionCheck(httpStatus: number, body: unknown): ConnectionCheck {
  const envelope = errorEnvelopeSchema.safeParse(body);
  const code = envelope.success ? envelope.data.error.code : null;
  if (httpStatus === 404 && code === "RESOURCE_NOT_FOUND") {
    return { result: "accepted", message: "The Jobs API accepted the key.", httpStatus };
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return {
      result: "refused",
      message: "The Jobs API refused the key. Check that it is current and complete.",
      httpStatus,
    };
  }
  if (httpStatus >= 500) {
    return {
      result: "unreachable",
      message: `The Jobs API is having trouble (HTTP ${httpStatus}). Try again shortly.`,
      httpStatus,
    };
  }
  return {
    result: "unexpected",
    message: `Unexpected answer (HTTP ${httpStatus}). Is this the Jobs API's base URL?`,
    httpStatus,
  };
}
