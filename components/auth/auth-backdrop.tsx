import type { ReactNode } from "react";

/** The centred page behind the auth cards (sign-in, sign-up, invites, password resets, a new workspace). */
export function AuthBackdrop({ children }: { children: ReactNode }) {
  return (
    <main className="relative flex min-h-screen items-center justify-center overflow-hidden px-4 py-16">
      {/* A faint grid fading out from the top: texture without distraction (4% of the text colour). */}
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 bg-[linear-gradient(to_right,color-mix(in_oklab,currentColor_4%,transparent)_1px,transparent_1px),linear-gradient(to_bottom,color-mix(in_oklab,currentColor_4%,transparent)_1px,transparent_1px)] [mask-image:radial-gradient(ellipse_at_top,black,transparent_70%)] bg-[size:32px_32px] text-emphasis"
      />
      <div className="relative flex w-full justify-center">{children}</div>
    </main>
  );
}
