import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { oneTimeTokenSchema } from "@/lib/auth/schemas";

/** Roles a member can be given by invite or change: all but owner, which moves only by a transfer. */
export const ASSIGNABLE_ROLES = ROLES.filter((role): role is Exclude<Role, "owner"> => role !== "owner");

const assignableRoleSchema = z.enum(ASSIGNABLE_ROLES, { error: "Choose admin, developer or viewer" });

/** The invite form and POST /api/invites share this schema. */
export const inviteInputSchema = z.object({
  email: z
    .email("Enter a valid email address")
    .max(254)
    .transform((email) => email.toLowerCase()),
  role: assignableRoleSchema.default("viewer"),
});
export type InviteInput = z.infer<typeof inviteInputSchema>;

/** PATCH /api/members/{userId} */
export const changeRoleInputSchema = z.object({ role: assignableRoleSchema });

/** POST /api/workspace/transfer: the member who becomes the owner. */
export const transferInputSchema = z.object({ userId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "Choose a member") });

/** POST /api/invites/accept */
export const acceptInviteInputSchema = z.object({ token: oneTimeTokenSchema });
