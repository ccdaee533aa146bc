import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { WORKSPACE_COOKIE, WORKSPACE_HEADER, WORKSPACE_PARAM } from "@/lib/http/workspace-selector";
import { logger } from "@/lib/log/logger";
import type { Role } from "./roles";
import { readSessionClaims } from "./signed-in-user";

export interface Membership {
  userId: string;
  email: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
}

/** Which workspace a request asks for: named by the page or the tab, else the browser's last one. */
interface WorkspaceChoice {
  /** The URL's workspace (proxy.ts) or the tab's (fetchJson, `?workspace=`): it must be the user's. */
  named: string | null;
  /** The last workspace opened in this browser: used when it is still the user's. */
  lastUsed: string | null;
}

function readCookie(cookieHeader: string | null, name: string): string | null {
  for (const part of cookieHeader?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("=")) || null;
  }
  return null;
}

async function readChoice(request?: Request, prefer?: string | null): Promise<WorkspaceChoice> {
  if (prefer) return { named: null, lastUsed: prefer };
  if (request) {
    const named = request.headers.get(WORKSPACE_HEADER) ?? new URL(request.url).searchParams.get(WORKSPACE_PARAM);
    return { named: named || null, lastUsed: readCookie(request.headers.get("cookie"), WORKSPACE_COOKIE) };
  }
  const [list, jar] = await Promise.all([headers(), cookies()]);
  return { named: list.get(WORKSPACE_HEADER) || null, lastUsed: jar.get(WORKSPACE_COOKIE)?.value || null };
}

const membershipSelect = {
  id: true,
  role: true,
  lastActiveAt: true,
  workspace: { select: { id: true, name: true } },
} as const;

/** "Last active" is kept to within this: one write per member every few minutes at most. */
const ACTIVITY_RESOLUTION_MS = 5 * 60 * 1000;

async function noteActivity(membershipId: string, lastActiveAt: Date | null, now = new Date()): Promise<void> {
  if (lastActiveAt && now.getTime() - lastActiveAt.getTime() < ACTIVITY_RESOLUTION_MS) return;
  const cutoff = new Date(now.getTime() - ACTIVITY_RESOLUTION_MS);
  await prisma.membership
    .updateMany({
      where: { id: membershipId, OR: [{ lastActiveAt: null }, { lastActiveAt: { lt: cutoff } }] },
      data: { lastActiveAt: now },
    })
    // A missed "last active" is not worth failing the request it rides on.
    .catch((error: unknown) => logger.warn({ error }, "last active not recorded"));
}

type Resolution =
  | { kind: "signed-out" }
  | { kind: "member"; membership: Membership }
  /** The named workspace is not one of the user's (or no longer exists). */
  | { kind: "not-member" }
  /** Signed in, but in no workspace at all (left or removed from the last one). */
  | { kind: "no-workspace" };

/**
 * Resolves the signed-in user's membership in the workspace the request is about. Every
 * workspace-scoped query starts from its result. A session issued before the user's session
 * version moved (sign out everywhere, a password change) counts as signed out.
 */
async function resolveMembership(request?: Request, prefer?: string | null): Promise<Resolution> {
  const claims = await readSessionClaims();
  if (!claims) return { kind: "signed-out" };
  const choice = await readChoice(request, prefer);
  const live = { workspace: { deletedAt: null } };
  const find = (where: Prisma.MembershipWhereInput, orderOldestFirst = false) =>
    prisma.user.findUnique({
      where: { id: claims.userId },
      select: {
        email: true,
        sessionVersion: true,
        memberships: {
          where: { ...live, ...where },
          orderBy: orderOldestFirst ? { createdAt: "asc" } : undefined,
          take: 1,
          select: membershipSelect,
        },
      },
    });

  let user = await find(
    choice.named ? { workspaceId: choice.named } : choice.lastUsed ? { workspaceId: choice.lastUsed } : {},
    true,
  );
  if (!user || user.sessionVersion !== claims.sessionVersion) return { kind: "signed-out" };
  if (user.memberships.length === 0) {
    if (choice.named) return { kind: "not-member" };
    if (choice.lastUsed) user = await find({}, true);
  }
  const found = user?.memberships[0];
  if (!user || !found) return { kind: "no-workspace" };
  await noteActivity(found.id, found.lastActiveAt);
  return {
    kind: "member",
    membership: {
      userId: claims.userId,
      email: user.email,
      workspaceId: found.workspace.id,
      workspaceName: found.workspace.name,
      role: found.role,
    },
  };
}

/**
 * For route handlers: the membership the request is about; null when signed out. A workspace the
 * request names but the user is not in is "not found", like any other workspace's resource.
 */
export async function getMembership(request?: Request): Promise<Membership | null> {
  const resolution = await resolveMembership(request);
  switch (resolution.kind) {
    case "member":
      return resolution.membership;
    case "signed-out":
      return null;
    case "not-member":
      throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
    case "no-workspace":
      throw new ApiError("RESOURCE_NOT_FOUND", "You are not a member of any workspace. Create one to continue.");
  }
}

/**
 * For pages: the membership of the page's workspace (its URL, through proxy.ts), or the way out —
 * sign-in when signed out, "not found" for a workspace that is not the user's, and creating a
 * workspace for a user who has none. `prefer`: for a page without a workspace in its URL, the
 * workspace to open if it is still the user's, before the browser's last one.
 */
export async function requireMembership(prefer?: string | null): Promise<Membership> {
  const resolution = await resolveMembership(undefined, prefer);
  if (resolution.kind === "member") return resolution.membership;
  if (resolution.kind === "not-member") notFound();
  if (resolution.kind === "no-workspace") redirect("/workspaces/new");
  redirect("/sign-in");
}
