import type { FieldErrors } from "@/components/to-field-errors";
import { RequestError } from "@/lib/http/fetch-json";
import type { EndpointField } from "./endpoint-form-fields";

const FIELDS: readonly EndpointField[] = ["url", "description", "eventTypes"];

/**
 * The server names the field it refused ("url: private addresses are not allowed"), as zod and
 * the URL check both phrase it; such an answer belongs under that field rather than in a banner.
 */
export function serverFieldErrors(error: unknown): FieldErrors<EndpointField> | null {
  if (!(error instanceof RequestError) || error.code !== "INVALID_REQUEST") return null;
  const match = /^(\w+)(?:\.\d+)?: (.+)$/s.exec(error.message);
  const field = FIELDS.find((name) => name === match?.[1]);
  return field && match ? { [field]: capitalize(match[2]) } : null;
}

/** "webhook URLs must use https://" reads as a sentence; "crm.example.com could not be resolved" keeps its host name. */
function capitalize(text: string): string {
  return /^[a-z]+(\s|$)/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
