import Link from "next/link";
import { AUTH_LINK_CLASSES, AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { signUpPolicy } from "@/lib/auth/sign-up-policy";
import { isEmailConfigured } from "@/lib/email/mailer";
import { INVITE_EXPIRED, INVITE_INVALID } from "@/lib/members/accept-invite";
import { findInvite } from "@/lib/members/find-invite";

export const metadata = { title: "Create an account" };

// GET /sign-up[?invite=token] — anyone SIGN_UP lets in, and anyone with an invite link (which joins its workspace).
export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { invite: token } = await searchParams;
  const lookup = typeof token === "string" ? await findInvite(token) : null;
  const policy = signUpPolicy();
  const footer = (
    <>
      Already have an account?{" "}
      <Link
        href={
          lookup?.status === "valid"
            ? `${routes.signIn}?${new URLSearchParams({ callbackUrl: routes.invite(token as string) })}`
            : routes.signIn
        }
        className={AUTH_LINK_CLASSES}
      >
        Sign in
      </Link>
    </>
  );

  if (lookup?.status === "valid") {
    const invite = { token: token as string, email: lookup.invite.email, workspaceName: lookup.invite.workspaceName };
    return (
      <AuthCard title={`Join ${invite.workspaceName}`} footer={footer}>
        <SignUpForm confirmsEmail={isEmailConfigured()} invite={invite} />
      </AuthCard>
    );
  }

  const inviteProblem = lookup && (lookup.status === "expired" ? INVITE_EXPIRED : INVITE_INVALID);
  if (policy.kind === "invite-only") {
    return (
      <AuthCard title="Sign-up needs an invite" footer={footer}>
        <div className="space-y-4 text-sm text-default">
          {inviteProblem && <Alert tone="warning">{inviteProblem}</Alert>}
          <p>
            Accounts on this portal are created by invitation. Ask a teammate who works here to invite you from Settings
            → Members, then follow the link in the invite.
          </p>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Create your account" footer={footer}>
      <div className="space-y-5">
        {inviteProblem && <Alert tone="warning">{inviteProblem}</Alert>}
        <SignUpForm
          confirmsEmail={isEmailConfigured()}
          domainsHint={
            policy.kind === "domains"
              ? `Sign-up here is for addresses at ${policy.domains.join(", ")}; anyone else needs an invite.`
              : undefined
          }
        />
      </div>
    </AuthCard>
  );
}
