import { z } from "zod";
import { AuthCard, AuthCardFooterLink } from "@/components/auth/auth-card";
import { CheckEmailPanel } from "@/components/auth/check-email-panel";
import { routes } from "@/components/routes";
import { CONFIRMATION_TTL_HOURS } from "@/lib/auth/request-sign-up-confirmation";

export const metadata = { title: "Check your email" };

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = z
    .email()
    .max(254)
    .safeParse((await searchParams).email);
  return (
    <AuthCard
      title="Check your email"
      footer={
        <AuthCardFooterLink prompt="Already confirmed?" href={routes.signIn}>
          Sign in
        </AuthCardFooterLink>
      }
    >
      <CheckEmailPanel email={parsed.success ? parsed.data : null} expiresInHours={CONFIRMATION_TTL_HOURS} />
    </AuthCard>
  );
}
