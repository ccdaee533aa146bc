"use client";

import { signOut } from "next-auth/react";
import { useEffect, useId, useRef, useState } from "react";
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
    await signOut({ callbackUrl: "/sign-in" });
  }

  return (
    <div ref={rootRef} className="relative">
      {open && (
        <div id={menuId} className="absolute inset-x-0 bottom-full mb-2 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <p className="truncate px-2.5 pt-1.5 pb-2 text-xs text-zinc-500 dark:text-zinc-400">Signed in as {email}</p>
          <button
            type="button"
            onClick={handleSignOut}
            disabled={signingOut}
            className="flex h-8 w-full items-center gap-2 rounded-md px-2.5 text-sm text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-zinc-200 dark:hover:bg-zinc-800"
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
          "hover:bg-zinc-200/50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-zinc-800/60",
          open && "bg-zinc-200/50 dark:bg-zinc-800/60",
        )}
      >
        <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700 uppercase dark:bg-zinc-700 dark:text-zinc-200">
          {email.slice(0, 1)}
        </span>
        <span className="min-w-0 flex-1 truncate text-[13px] text-zinc-700 dark:text-zinc-300">{email}</span>
        <ChevronUpDownIcon className="size-4 shrink-0 text-zinc-400" />
      </button>
    </div>
  );
}
