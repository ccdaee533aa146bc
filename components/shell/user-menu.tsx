"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { routes } from "@/components/routes";
import { cn } from "@/components/ui/cn";
import { ChevronUpDownIcon, SignOutIcon, UserIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { usePopover } from "./use-popover";

const ITEM =
  "flex h-8 w-full items-center gap-2 rounded-md px-2.5 text-sm text-default hover:bg-subtle focus-visible:outline-2 focus-visible:outline-focus";

/** The signed-in user's button at the foot of the sidebar; opens a small menu: Account, Sign out. */
export function UserMenu({
  email,
  accountHref,
  onNavigate,
}: {
  email: string;
  accountHref: string;
  onNavigate?: () => void;
}) {
  const { open, setOpen, rootRef, panelId, buttonProps } = usePopover();
  const [signingOut, setSigningOut] = useState(false);

  async function handleSignOut() {
    setSigningOut(true);
    await signOut({ callbackUrl: routes.signIn });
  }

  return (
    <div ref={rootRef} className="relative">
      {open && (
        <div
          id={panelId}
          className="absolute inset-x-0 bottom-full mb-2 rounded-lg border border-subtle bg-default p-1 shadow-lg"
        >
          <p className="truncate px-2.5 pt-1.5 pb-2 text-xs text-subtle">Signed in as {email}</p>
          <Link
            href={accountHref}
            className={ITEM}
            onClick={() => {
              setOpen(false);
              onNavigate?.();
            }}
          >
            <UserIcon />
            Account
          </Link>
          <button type="button" onClick={handleSignOut} disabled={signingOut} className={ITEM}>
            {signingOut ? <Spinner /> : <SignOutIcon />}
            Sign out
          </button>
        </div>
      )}
      <button
        type="button"
        {...buttonProps}
        aria-label={`Account: ${email}`}
        className={cn(
          "flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left transition-colors",
          "hover:bg-emphasis/50 focus-visible:outline-2 focus-visible:outline-focus",
          open && "bg-emphasis/50",
        )}
      >
        <span
          aria-hidden="true"
          className="flex size-7 shrink-0 items-center justify-center rounded-full bg-emphasis text-xs font-semibold text-default uppercase"
        >
          {email.slice(0, 1)}
        </span>
        <span className="min-w-0 flex-1 truncate text-ui text-default">{email}</span>
        <ChevronUpDownIcon className="size-4 shrink-0 text-muted" />
      </button>
    </div>
  );
}
