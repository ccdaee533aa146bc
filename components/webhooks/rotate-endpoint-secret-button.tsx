"use client";

import { useMutation } from "@tanstack/react-query";
import { RotateSecretButton } from "@/components/rotate-secret-button";
import { rotateEndpointSecretMutation } from "./mutations";

export function RotateEndpointSecretButton({ endpointId }: { endpointId: string }) {
  const rotate = useMutation(rotateEndpointSecretMutation(endpointId));
  return (
    <RotateSecretButton
      rotation={rotate}
      explanation={
        <>
          <p>A new secret is generated and signs every delivery from now on.</p>
          <p>
            For the next <strong className="font-medium text-emphasis">24 hours</strong> each delivery also carries a
            signature made with the current secret, so your server keeps accepting events while you deploy the new one.
            Rotating again before then ends that overlap early.
          </p>
        </>
      }
    />
  );
}
