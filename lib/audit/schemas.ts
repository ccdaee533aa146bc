import { z } from "zod";
import { AUDIT_ACTIONS, isAuditAction } from "./types";

export const AUDIT_PAGE_SIZE = 50;

/** GET /api/audit-log: filters by actor and action, a keyset cursor, a page size. */
export const auditLogQuerySchema = z.object({
  actor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,128}$/, "Unknown actor")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  action: z
    .string()
    .refine(isAuditAction, { message: `Choose one of: ${Object.keys(AUDIT_ACTIONS).join(", ")}` })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(AUDIT_PAGE_SIZE),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;
