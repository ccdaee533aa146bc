import Link from "next/link";
import { AUTH_LINK_CLASSES, AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { routes } from "@/components/routes";
import { isEmailConfigured } from "@/lib/email/mailer";

export const metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have an account?{" "}
          <Link href={routes.signIn} className={AUTH_LINK_CLASSES}>
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm confirmsEmail={isEmailConfigured()} />
    </AuthCard>
  );
}
