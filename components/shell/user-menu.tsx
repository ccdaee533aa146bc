"use client";

import { signOut } from "next-auth/react";
import { useEffect, useId, useRef, useState } from "react";
import { routes } from "@/components/routes";
import { cn } from "@/components/ui/cn";
import { ChevronUpDownIcon, SignOutIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";

/** The signed-in user's button at the foot of the sidebar; opens a small menu with Sign out. */
export function UserMenu({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  async function handleSignOut() {
    setSigningOut(true);
    await signOut({ callbackUrl: routes.signIn });
  }

  return (
    <div ref={rootRef} className="relative">
      {open && (
        <div id={menuId} className="absolute inset-x-0 bottom-full mb-2 rounded-lg border border-subtle bg-default p-1 shadow-lg">
          <p className="truncate px-2.5 pt-1.5 pb-2 text-xs text-subtle">Signed in as {email}</p>
          <button
            type="button"
            onClick={handleSignOut}
            disabled={signingOut}
            className="flex h-8 w-full items-center gap-2 rounded-md px-2.5 text-sm text-default hover:bg-subtle focus-visible:outline-2 focus-visible:outline-focus"
          >
            {signingOut ? <Spinner /> : <SignOutIcon />}
            Sign out
          </button>
        </div>
      )}
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account: ${email}`}
        onClick={() => setOpen((value) => !value)}
        className={cn(
          "flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left transition-colors",
          "hover:bg-emphasis/50 focus-visible:outline-2 focus-visible:outline-focus",
          open && "bg-emphasis/50",
        )}
      >
        <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-emphasis text-xs font-semibold text-default uppercase">
          {email.slice(0, 1)}
        </span>
        <span className="min-w-0 flex-1 truncate text-ui text-default">{email}</span>
        <ChevronUpDownIcon className="size-4 shrink-0 text-muted" />
      </button>
    </div>
  );
}
