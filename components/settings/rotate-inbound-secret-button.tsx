"use client";

import { RotateSecretButton } from "@/components/rotate-secret-button";
import { useRotateInboundSecret } from "./use-rotate-inbound-secret";

export function RotateInboundSecretButton() {
  const rotate = useRotateInboundSecret();
  return (
    <RotateSecretButton
      rotation={rotate}
      explanation={
        <>
          <p>A new secret takes effect immediately.</p>
          <p>
            The current secret keeps verifying events for <strong className="font-medium text-zinc-900 dark:text-zinc-100">24 hours</strong>,
            so you have a day to paste the new one into the Jobs API&apos;s webhook settings. Rotating again
            before then ends that grace period early.
          </p>
        </>
      }
    />
  );
}
