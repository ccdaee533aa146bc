import type { AuditEntryView } from "@/lib/audit/types";
import { isRole, ROLE_LABELS } from "@/lib/auth/roles";

function roleName(value: unknown): string | null {
  return isRole(value) ? ROLE_LABELS[value].toLowerCase() : null;
}

/** The small facts of an entry in words ("developer → admin", "3 deliveries"); null when there are none worth showing. */
export function describeEntryDetails(entry: AuditEntryView): string | null {
  const details = entry.details;
  if (!details) return null;
  const from = roleName(details.from);
  const to = roleName(details.to);
  if (from && to) return `${from} → ${to}`;
  if (typeof details.from === "string" && typeof details.to === "string") return `“${details.from}” → “${details.to}”`;
  const role = roleName(details.role);
  if (role) return `as ${role}`;
  if (typeof details.count === "number") return `${details.count} ${details.count === 1 ? "delivery" : "deliveries"}`;
  if (Array.isArray(details.fields) && details.fields.length > 0) return `changed: ${details.fields.join(", ")}`;
  return null;
}
