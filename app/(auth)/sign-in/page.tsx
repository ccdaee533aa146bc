import { AlternativeSignIn } from "@/components/auth/alternative-sign-in";
import { AuthCard, AuthCardFooterLink } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { routes } from "@/components/routes";
import { describeAuthError } from "@/lib/auth/describe-auth-error";
import { listSignInProviders } from "@/lib/auth/list-sign-in-providers";
import { toSafeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { isEmailConfigured } from "@/lib/email/mailer";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, error } = await searchParams;
  const safeCallbackUrl = toSafeCallbackUrl(callbackUrl);
  return (
    <AuthCard
      title="Sign in to your workspace"
      footer={
        <AuthCardFooterLink prompt="New here?" href={routes.signUp}>
          Create an account
        </AuthCardFooterLink>
      }
    >
      <div className="space-y-6">
        <SignInForm
          callbackUrl={safeCallbackUrl}
          initialError={describeAuthError(error)}
          confirmsEmail={isEmailConfigured()}
        />
        <AlternativeSignIn providers={listSignInProviders()} callbackUrl={safeCallbackUrl} />
      </div>
    </AuthCard>
  );
}
