import Link from "next/link";
import { AUTH_LINK_CLASSES, AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { routes } from "@/components/routes";

export const metadata = { title: "Choose a new password" };

// GET /reset-password?token= — whoever holds a reset link (mailed, or printed by the operator).
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link href={routes.forgotPassword} className={AUTH_LINK_CLASSES}>
          Need a new link?
        </Link>
      }
    >
      <ResetPasswordForm token={typeof token === "string" ? token : ""} />
    </AuthCard>
  );
}
