import Link from "next/link";
import { AUTH_LINK_CLASSES, AuthCard } from "@/components/auth/auth-card";
import { AcceptInviteButton } from "@/components/members/accept-invite-button";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getSignedInUser } from "@/lib/auth/signed-in-user";
import { INVITE_EXPIRED, INVITE_INVALID } from "@/lib/members/accept-invite";
import { findInvite } from "@/lib/members/find-invite";

export const metadata = { title: "Join a workspace" };

// GET /invite?token= — anyone with an invite link: signed out, the way through sign-up or sign-in; signed in, accepting it.
export default async function InvitePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const [lookup, user] = await Promise.all([
    typeof token === "string" ? findInvite(token) : ({ status: "invalid" } as const),
    getSignedInUser(),
  ]);

  if (lookup.status !== "valid") {
    return (
      <AuthCard title="This invite can't be used">
        <div className="space-y-5">
          <Alert tone="warning">{lookup.status === "expired" ? INVITE_EXPIRED : INVITE_INVALID}</Alert>
          <Link href={user ? routes.jobs : routes.signIn} className={buttonClassName("secondary", "md", "w-full")}>
            {user ? "Go to your jobs" : "Sign in"}
          </Link>
        </div>
      </AuthCard>
    );
  }

  const { invite } = lookup;
  const here = routes.invite(token as string);
  const summary = (
    <p className="text-sm text-default">
      {invite.invitedBy ?? "A teammate"} invited <strong className="font-medium text-emphasis">{invite.email}</strong>{" "}
      to <strong className="font-medium text-emphasis">{invite.workspaceName}</strong> as{" "}
      {ROLE_LABELS[invite.role].toLowerCase()}.
    </p>
  );

  if (user) {
    return (
      <AuthCard title={`Join ${invite.workspaceName}`}>
        <div className="space-y-5">
          {summary}
          <AcceptInviteButton token={token as string} signedInAs={user.email} inviteEmail={invite.email} />
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title={`Join ${invite.workspaceName}`}
      footer={
        <>
          Already have an account?{" "}
          <Link href={`${routes.signIn}?${new URLSearchParams({ callbackUrl: here })}`} className={AUTH_LINK_CLASSES}>
            Sign in to accept
          </Link>
        </>
      }
    >
      <div className="space-y-5">
        {summary}
        <Link
          href={`${routes.signUp}?${new URLSearchParams({ invite: token as string })}`}
          className={buttonClassName("primary", "lg", "w-full")}
        >
          Create your account
        </Link>
      </div>
    </AuthCard>
  );
}
