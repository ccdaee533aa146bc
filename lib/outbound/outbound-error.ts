import { RefusedAddressError } from "@/lib/ssrf/guarded-lookup";

// Every way a server-side request can fail, as a value a caller can turn into a plain sentence
// (describe-outbound-failure.ts). The raw cause is kept for the log, never shown to members.
export type TimeoutPhase = "connect" | "first_byte" | "idle" | "total";

export type OutboundFailure =
  /** The address policy said no (before any connection, or at connect time). */
  | { kind: "refused"; reason: string }
  | { kind: "timeout"; phase: TimeoutPhase; afterMs: number }
  /** The answer was larger than the caller reads. */
  | { kind: "too_large"; limitBytes: number }
  /** A socket, DNS, TLS or HTTP parser error; `code` as Node gives it. */
  | { kind: "network"; code: string | null }
  /** The server answered, with a status the caller cannot use (a redirect, an error). */
  | { kind: "status"; status: number }
  | { kind: "aborted" };

export class OutboundError extends Error {
  constructor(
    readonly failure: OutboundFailure,
    readonly cause?: unknown,
  ) {
    super(
      failure.kind === "refused"
        ? failure.reason
        : failure.kind === "network"
          ? `network error ${failure.code ?? ""}`.trim()
          : failure.kind === "status"
            ? `HTTP ${failure.status}`
            : failure.kind,
    );
    this.name = "OutboundError";
  }
}

/** Any error a request raised, as an OutboundError (the guard's refusal, or Node's error code). */
export function toOutboundError(error: unknown): OutboundError {
  if (error instanceof OutboundError) return error;
  if (error instanceof RefusedAddressError) return new OutboundError({ kind: "refused", reason: error.message }, error);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return new OutboundError({ kind: "network", code: typeof code === "string" ? code : null }, error);
}
