import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmSignUp } from "@/components/auth/confirm-sign-up";

export const metadata = { title: "Confirm your email" };

// The page the confirmation mail links to; the token is checked when the page posts it to next-auth.
export default async function ConfirmSignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Confirm your email">
      <ConfirmSignUp token={typeof token === "string" ? token : ""} />
    </AuthCard>
  );
}
