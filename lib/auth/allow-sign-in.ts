import "server-only";
import type { CallbacksOptions } from "next-auth";
import { prisma } from "@/lib/db/client";
import { portalUrl } from "@/lib/email/portal-url";

type SignInParams = Parameters<CallbacksOptions["signIn"]>[0];

/**
 * next-auth's signIn callback: the rule against account pre-hijacking.
 *
 * An email link proves its follower owns the address, and next-auth would then sign them into any
 * account with that email. If that account's email was never proven and it has another way in —
 * a password, or a GitHub login — whoever set that up could be a stranger who registered the
 * victim's address first, and would share the account with its owner from then on. So such a link
 * is refused instead of landing there (the owner of such an account signs in the way they created
 * it). Since email confirmation, password sign-ups only become accounts once confirmed, so this
 * covers accounts made while EMAIL_SERVER was unset, and GitHub accounts (whose email the portal
 * never proved). GitHub itself never lands in an account it is not linked to: next-auth refuses
 * with OAuthAccountNotLinked unless allowDangerousEmailAccountLinking is set, which it is not.
 *
 * The check runs when the link is followed, never when it is requested: refusing to send it would
 * tell anyone which addresses have such accounts.
 */
export async function allowSignIn({ user, account, email }: SignInParams): Promise<boolean | string> {
  if (account?.provider !== "email" || email?.verificationRequest || !user.email) return true;
  const existing = await prisma.user.findUnique({
    where: { email: user.email.toLowerCase() },
    select: { emailVerified: true, passwordHash: true, _count: { select: { accounts: true } } },
  });
  if (!existing || existing.emailVerified) return true;
  if (existing.passwordHash || existing._count.accounts > 0) return portalUrl("/sign-in", { error: "UnconfirmedAccount" });
  return true;
}
