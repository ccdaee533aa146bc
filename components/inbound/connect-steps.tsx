"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import type { VerificationProfile } from "@/lib/inbound/schemas";

function Step({ n, children }: { n: number; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span
        aria-hidden="true"
        className="flex size-5 shrink-0 items-center justify-center rounded-full bg-brand text-2xs font-semibold text-brand ring-1 ring-brand/15 ring-inset"
      >
        {n}
      </span>
      <span className="min-w-0">{children}</span>
    </li>
  );
}

const strong = "font-medium text-emphasis";

/**
 * What to paste where. True to the Jobs API's own documentation: its Settings page has a webhook
 * URL field and shows a secret "for signature verification"; it says nothing of headers or algorithms.
 */
export function ConnectSteps({ profile }: { profile: VerificationProfile }) {
  const routes = useWorkspaceRoutes();
  return (
    <div className="rounded-md border border-subtle bg-muted/70 px-4 py-3.5 text-sm text-subtle">
      <p className="mb-2.5">
        The Jobs API&apos;s Settings page has a <span className={strong}>webhook URL</span> field and shows a{" "}
        <span className={strong}>webhook secret</span> for signature verification. To connect it:
      </p>
      <ol className="space-y-2" aria-label="How to connect the Jobs API">
        <Step n={1}>
          Copy the <span className={strong}>Webhook URL</span> below into the Jobs API&apos;s webhook URL field
          {profile.kind === "url_token" ? " — the whole URL, token included (reveal it first)." : "."}
        </Step>
        <Step n={2}>
          {profile.kind === "url_token" ? (
            <>
              The Jobs API signs nothing in this setup: the token in the URL is the only secret. Its own webhook secret
              is not used.
            </>
          ) : (
            <>
              Copy the secret the Jobs API shows. Under <span className={strong}>Verification</span>, choose how it
              signs, paste the secret and press Update verification. (Not sure how it signs? Try your best guess, then
              read the header names under <span className={strong}>Refused requests</span>.)
            </>
          )}
        </Step>
        <Step n={3}>
          Create a job, or wait for the next. It appears on the{" "}
          <Link href={routes.jobs} className="link font-medium">
            Jobs page
          </Link>{" "}
          within seconds. If it does not, <span className={strong}>Refused requests</span> says why, and{" "}
          <span className={strong}>Test a request</span> checks a captured request against these settings.
        </Step>
      </ol>
    </div>
  );
}
