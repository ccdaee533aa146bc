import { ApiError } from "@/lib/http/api-error";
import type { Membership } from "./session";

type Role = Membership["role"];

export const MANAGER_ROLES: readonly Role[] = ["owner", "admin"];

/** Whether a member may see secrets and change the workspace's connections. */
export function canManageWorkspace(membership: Pick<Membership, "role">): boolean {
  return MANAGER_ROLES.includes(membership.role);
}

export function assertCanManageWorkspace(membership: Pick<Membership, "role">): void {
  if (!canManageWorkspace(membership)) {
    throw new ApiError("FORBIDDEN", "Only workspace owners and admins can do this");
  }
}
