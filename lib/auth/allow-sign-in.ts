import "server-only";
import type { CallbacksOptions } from "next-auth";
import { prisma } from "@/lib/db/client";
import { portalUrl } from "@/lib/email/portal-url";
import { maySignUpWithoutInvite } from "./sign-up-policy";

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
export async function allowSignIn(params: SignInParams): Promise<boolean | string> {
  if (!(await mayCreateIfNew(params))) return portalUrl("/sign-in", { error: "SignUpClosed" });
  const { user, account, email } = params;
  if (account?.provider !== "email" || email?.verificationRequest || !user.email) return true;
  const existing = await prisma.user.findUnique({
    where: { email: user.email.toLowerCase() },
    select: { emailVerified: true, passwordHash: true, _count: { select: { accounts: true } } },
  });
  if (!existing || existing.emailVerified) return true;
  if (existing.passwordHash || existing._count.accounts > 0)
    return portalUrl("/sign-in", { error: "UnconfirmedAccount" });
  return true;
}

/**
 * SIGN_UP for the accounts next-auth creates itself (GitHub, email links): a sign-in that would
 * make a new account needs an address SIGN_UP allows, or a pending invite to that address (the
 * invite page then joins the workspace). Password sign-ups are checked at POST /api/sign-up.
 */
async function mayCreateIfNew({ user, account, email }: SignInParams): Promise<boolean> {
  if (!account || account.type === "credentials" || email?.verificationRequest) return true;
  if (account.provider !== "email") {
    const linked = await prisma.account.findUnique({
      where: {
        provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId },
      },
      select: { id: true },
    });
    if (linked) return true;
  }
  const address = user.email?.toLowerCase();
  // No address, or one with an account already: not a sign-up (next-auth decides the rest).
  if (!address || (await prisma.user.findUnique({ where: { email: address }, select: { id: true } }))) return true;
  if (maySignUpWithoutInvite(address)) return true;
  return (await prisma.invite.count({ where: { email: address, expiresAt: { gt: new Date() } } })) > 0;
}
