import Link from "next/link";
import { AUTH_LINK_CLASSES, AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { isEmailConfigured } from "@/lib/email/mailer";

export const metadata = { title: "Reset your password" };

// GET /forgot-password — anyone: a reset link by email, or, on a portal that sends no mail, who can make one.
export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Reset your password"
      footer={
        <Link href={routes.signIn} className={AUTH_LINK_CLASSES}>
          Back to sign-in
        </Link>
      }
    >
      {isEmailConfigured() ? (
        <ForgotPasswordForm />
      ) : (
        <Alert tone="info" title="Ask your operator for a reset link">
          This portal sends no email. Whoever runs it can print a one-time link for your account with{" "}
          <code className="font-mono text-xs">npm run user:reset-password -- you@example.com</code>.
        </Alert>
      )}
    </AuthCard>
  );
}
