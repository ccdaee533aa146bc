import { ApiError } from "@/lib/http/api-error";
import type { RefusalReason, SignatureDiagnostics } from "./types";

const BAD_REQUEST_REASONS: ReadonlySet<RefusalReason> = new Set(["body_not_json", "contract_field"]);

/**
 * An inbound webhook refused for a reason the Settings page can name: 401 for everything about
 * who sent it, 400 for what it sent. An ApiError, so the sender sees the Jobs API's error envelope.
 */
export class WebhookRefusal extends ApiError {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly signature: SignatureDiagnostics | null = null,
  ) {
    super(BAD_REQUEST_REASONS.has(reason) ? "INVALID_REQUEST" : "UNAUTHORIZED", message);
    this.name = "WebhookRefusal";
  }
}

/** A signature by its first and last 4 characters: enough to compare, never enough to reuse. */
export function maskSignature(signature: string): string {
  if (signature.length <= 12) return "…";
  return `${signature.slice(0, 4)}…${signature.slice(-4)}`;
}
