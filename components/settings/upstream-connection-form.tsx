"use client";

import { useRef, useState, type FormEvent } from "react";
import { toFieldErrors, type FieldErrors } from "@/components/field-errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import type { ConnectionView } from "@/lib/workspaces/get-connection";
import { connectionInputSchema } from "@/lib/workspaces/schemas";
import { ConnectionCheckResultAlert } from "./connection-check-result";
import { useTestConnection } from "./use-test-connection";
import { useUpdateConnection } from "./use-update-connection";

export interface UpstreamConnectionFormProps {
  connection: ConnectionView;
  canManage: boolean;
}

export function UpstreamConnectionForm({ connection, canManage }: UpstreamConnectionFormProps) {
  const update = useUpdateConnection();
  const test = useTestConnection();
  const apiKeyRef = useRef<HTMLInputElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"baseUrl" | "apiKey">>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = connectionInputSchema.safeParse({ baseUrl: form.get("baseUrl"), apiKey: form.get("apiKey") });
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) return;
    test.reset(); // a result for the old settings would mislead
    update.mutate(parsed.data, {
      onSuccess: () => {
        if (apiKeyRef.current) apiKeyRef.current.value = "";
      },
    });
  }

  const keyBadge = connection.upstreamApiKeySet ? (
    <Badge tone="success" dot data-testid="api-key-status">
      Set
    </Badge>
  ) : (
    <Badge tone="neutral" data-testid="api-key-status">
      Not set
    </Badge>
  );

  return (
    <Card>
      <form onSubmit={handleSubmit} noValidate aria-label="Upstream connection">
        <CardBody className="space-y-5">
          <TextField
            label="Base URL"
            name="baseUrl"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://api.example.com"
            defaultValue={connection.upstreamBaseUrl ?? ""}
            disabled={!canManage}
            error={fieldErrors.baseUrl}
            hint="The Jobs API's address, without /v1."
            className="[&_input]:font-mono [&_input]:text-[13px]"
          />
          <TextField
            ref={apiKeyRef}
            label="API key"
            labelAside={keyBadge}
            name="apiKey"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={connection.upstreamApiKeySet ? "Leave blank to keep the current key" : "Paste the Jobs API key"}
            disabled={!canManage}
            error={fieldErrors.apiKey}
            hint="Stored encrypted. It is never shown again, not even to you."
            className="[&_input]:font-mono [&_input]:text-[13px]"
          />
          {update.isError && <Alert tone="danger">{update.error.message}</Alert>}
          {update.isSuccess && <Alert tone="success">Connection saved.</Alert>}
          {test.isError && <Alert tone="danger">{test.error.message}</Alert>}
          {test.data && <ConnectionCheckResultAlert check={test.data} />}
        </CardBody>
        <CardFooter>
          <p className="mr-auto text-[13px] text-zinc-500 dark:text-zinc-400">
            {canManage ? "The test uses the saved settings." : "Only owners and admins can change the connection."}
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => test.mutate()} loading={test.isPending}>
              Test connection
            </Button>
            {canManage && (
              <Button type="submit" loading={update.isPending}>
                Save
              </Button>
            )}
          </div>
        </CardFooter>
      </form>
    </Card>
  );
}
