"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Button, buttonClassName } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";

// The portal's error boundary: the shell stays, the page area explains and offers a retry.
// Details stay in the server log; the digest lets support find them there.
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const routes = useWorkspaceRoutes();
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="flex flex-col items-center justify-center py-24 text-center">
      <div className="mb-5 flex size-12 items-center justify-center rounded-full bg-danger text-danger ring-8 ring-danger/20">
        <AlertIcon className="size-6" />
      </div>
      <h1 className="text-lg font-semibold text-emphasis">Something went wrong</h1>
      <p className="mt-1.5 max-w-md text-sm text-subtle">
        This page could not be loaded. It may be a temporary problem — try again, or come back in a moment.
      </p>
      {error.digest && <p className="mt-3 font-mono text-xs text-muted">Reference: {error.digest}</p>}
      <div className="mt-6 flex gap-2">
        <Button onClick={reset}>Try again</Button>
        <Link href={routes.jobs} className={buttonClassName("secondary")}>
          Go to Jobs
        </Link>
      </div>
    </div>
  );
}
