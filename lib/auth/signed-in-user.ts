import "server-only";
import { getServerSession } from "next-auth";
import { prisma } from "@/lib/db/client";
import { authOptions } from "./options";

export interface SignedInUser {
  userId: string;
  email: string;
  name: string | null;
}

/** The claims the portal adds to next-auth's session (lib/auth/options.ts). */
export interface SessionClaims {
  userId: string;
  /** The user's sessionVersion when the session was issued; sessions from before it count as 0. */
  sessionVersion: number;
}

/** The session's user and the version it was issued under, unchecked; null when signed out. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; sessionVersion?: number } | undefined;
  if (!user?.id) return null;
  return { userId: user.id, sessionVersion: user.sessionVersion ?? 0 };
}

/**
 * The signed-in user, or null. Sessions are JWTs, which cannot be recalled once issued, so each
 * carries the user's session version and is refused here once the version has moved on: "sign
 * out everywhere", a password change and a password reset each move it, on every request of every
 * portal process at once (one indexed lookup, which pages and routes make anyway).
 */
export async function getSignedInUser(): Promise<SignedInUser | null> {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const user = await prisma.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  return { userId: user.id, email: user.email, name: user.name };
}
