import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthBackdrop } from "@/components/auth/auth-backdrop";
import { routes } from "@/components/routes";
import { getMembership } from "@/lib/auth/session";

// Sign-in, sign-up and password resets: signed-in members go straight to the portal.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await getMembership().catch(() => null)) redirect(routes.jobs);
  return <AuthBackdrop>{children}</AuthBackdrop>;
}
