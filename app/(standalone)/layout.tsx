import type { ReactNode } from "react";
import { AuthBackdrop } from "@/components/auth/auth-backdrop";

// Pages outside any workspace that signed-in users open too: an invite link, a new workspace.
export default function StandaloneLayout({ children }: { children: ReactNode }) {
  return <AuthBackdrop>{children}</AuthBackdrop>;
}
