import { logger } from "@/lib/log/logger";
import { OutboundError, type OutboundFailure } from "./outbound-error";

// What members read about a failed request (delivery log, Test connection): a plain sentence,
// never the raw message, which can name internal hosts, paths and library internals.
const NETWORK_SENTENCES: Array<[RegExp, string]> = [
  [/^ECONNREFUSED$/, "Connection refused"],
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL|EAI_NODATA)$/, "Host not found"],
  [/^(ECONNRESET|EPIPE|ECONNABORTED|ERR_STREAM_PREMATURE_CLOSE)$/, "Connection reset"],
  [/^(EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN)$/, "Host unreachable"],
  [/^ETIMEDOUT$/, "Timed out while connecting"],
  [/^CERT_HAS_EXPIRED$/, "TLS certificate expired"],
  [/^ERR_TLS_CERT_ALTNAME_INVALID$/, "TLS certificate is for another host name"],
  [
    /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE|CERT_NOT_YET_VALID|CERT_REVOKED|INVALID_CA)$/,
    "TLS certificate not trusted",
  ],
  [/^(EPROTO|ERR_SSL_.*|ERR_TLS_.*)$/, "TLS handshake failed"],
  [/^HPE_/, "Invalid HTTP response"],
];

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export function describeFailure(failure: OutboundFailure): string {
  switch (failure.kind) {
    case "refused":
      return `Refused: ${failure.reason}`;
    case "timeout":
      if (failure.phase === "connect") return `Timed out after ${seconds(failure.afterMs)} while connecting`;
      if (failure.phase === "idle")
        return `Timed out after ${seconds(failure.afterMs)} without data: the transfer stalled`;
      return `Timed out after ${seconds(failure.afterMs)}`;
    case "too_large":
      return `Answer larger than ${failure.limitBytes >= 1024 * 1024 ? `${failure.limitBytes / 1024 / 1024} MiB` : `${failure.limitBytes / 1024} KiB`}`;
    case "status":
      return failure.status >= 300 && failure.status < 400
        ? `Answered with a redirect (HTTP ${failure.status}), which is not followed`
        : `Answered HTTP ${failure.status}`;
    case "aborted":
      return "Cancelled";
    case "network":
      return NETWORK_SENTENCES.find(([pattern]) => pattern.test(failure.code ?? ""))?.[1] ?? "Request failed";
  }
}

/**
 * A plain sentence for any error a server-side request raised. Unknown errors become "Request
 * failed" and go to the log (redacted by the logger) so an operator can still see what happened.
 */
export function describeOutboundFailure(error: unknown, context: Record<string, unknown> = {}): string {
  if (error instanceof OutboundError) {
    const sentence = describeFailure(error.failure);
    if (sentence === "Request failed")
      logger.warn(
        { ...context, code: error.failure.kind === "network" ? error.failure.code : null, error: error.cause ?? error },
        "outbound request failed",
      );
    return sentence;
  }
  logger.warn({ ...context, error }, "outbound request failed");
  return "Request failed";
}
