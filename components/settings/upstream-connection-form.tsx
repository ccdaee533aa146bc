"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useMemo, useRef, useState } from "react";
import { type FieldErrors, toFieldErrors } from "@/components/field-errors";
import { Alert, LiveAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { CodeField } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { LiveRegion } from "@/components/ui/live-region";
import { Select } from "@/components/ui/select";
import { canonicalBaseUrl } from "@/lib/upstream/canonical-base-url";
import { connectionInputSchemaFor, KEY_REQUIRED_FOR_NEW_BASE_URL } from "@/lib/workspaces/schemas";
import type { ConnectionView } from "@/lib/workspaces/types";
import { ConnectionCheckResultAlert } from "./connection-check-result-alert";
import { testConnectionMutation, updateConnectionMutation } from "./mutations";

export interface UpstreamConnectionFormProps {
  connection: ConnectionView;
  canManage: boolean;
}

/** Why the saved connection is not used, when it is not (nothing is sent to the upstream then). */
function ConnectionStatusAlert({ connection }: { connection: ConnectionView }) {
  if (connection.upstreamStatus === "base_url_not_allowed") {
    return (
      <Alert tone="warning" title="Saved base URL no longer allowed">
        <span data-testid="connection-status">
          This deployment no longer allows{" "}
          <span className="font-mono text-ui break-all">{connection.upstreamBaseUrl}</span>, so the portal sends nothing
          to it. Choose an allowed base URL and enter its API key.
        </span>
      </Alert>
    );
  }
  if (connection.upstreamStatus === "key_not_for_base_url") {
    return (
      <Alert tone="warning" title="API key needed">
        <span data-testid="connection-status">
          The saved key was entered for another base URL, so it is not sent. Enter the API key again.
        </span>
      </Alert>
    );
  }
  return null;
}

export function UpstreamConnectionForm({ connection, canManage }: UpstreamConnectionFormProps) {
  const update = useMutation(updateConnectionMutation());
  const test = useMutation(testConnectionMutation());
  const apiKeyRef = useRef<HTMLInputElement>(null);
  const baseUrlId = useId();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"baseUrl" | "apiKey">>({});
  const { allowedBaseUrls } = connection;
  const schema = useMemo(() => connectionInputSchemaFor(allowedBaseUrls), [allowedBaseUrls]);
  const savedBaseUrl = connection.upstreamBaseUrl ? canonicalBaseUrl(connection.upstreamBaseUrl) : null;
  // The saved base URL when it is still allowed; with one allowed URL, that one.
  const [baseUrl, setBaseUrl] = useState(
    savedBaseUrl && allowedBaseUrls.includes(savedBaseUrl)
      ? savedBaseUrl
      : allowedBaseUrls.length === 1
        ? allowedBaseUrls[0]
        : "",
  );
  const keyUnused =
    connection.upstreamStatus === "base_url_not_allowed" || connection.upstreamStatus === "key_not_for_base_url";
  // A stored key never follows a new base URL: choosing another one asks for its key, and so does
  // a saved connection that is not used (its URL no longer allowed, or its key entered for another).
  const keyRequired = connection.upstreamApiKeySet && (baseUrl !== savedBaseUrl || keyUnused);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const apiKey = String(new FormData(event.currentTarget).get("apiKey") ?? "");
    const parsed = schema.safeParse({ baseUrl, apiKey });
    const errors: FieldErrors<"baseUrl" | "apiKey"> = parsed.success ? {} : toFieldErrors(parsed.error);
    if (keyRequired && !apiKey.trim()) errors.apiKey ??= KEY_REQUIRED_FOR_NEW_BASE_URL;
    setFieldErrors(errors);
    if (!parsed.success || errors.apiKey) return;
    test.reset(); // a result for the old settings would mislead
    update.mutate(parsed.data, {
      onSuccess: () => {
        if (apiKeyRef.current) apiKeyRef.current.value = "";
      },
    });
  }

  const keyBadge = keyUnused ? (
    <Badge tone="warning" dot data-testid="api-key-status">
      Not used
    </Badge>
  ) : connection.upstreamApiKeySet ? (
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
        <CardBody className="flex flex-col gap-5">
          <ConnectionStatusAlert connection={connection} />
          <div className="space-y-1.5">
            <Label htmlFor={baseUrlId}>Base URL</Label>
            <Select
              id={baseUrlId}
              name="baseUrl"
              value={baseUrl}
              onChange={(event) => {
                setBaseUrl(event.target.value);
                setFieldErrors((errors) => ({ ...errors, baseUrl: undefined }));
              }}
              disabled={!canManage}
              aria-invalid={fieldErrors.baseUrl ? true : undefined}
              aria-describedby={fieldErrors.baseUrl ? `${baseUrlId}-error` : `${baseUrlId}-hint`}
              className="[&_select]:font-mono [&_select]:text-ui"
            >
              {baseUrl === "" && (
                <option value="" disabled>
                  Choose a Jobs API
                </option>
              )}
              {allowedBaseUrls.map((url) => (
                <option key={url} value={url}>
                  {url}
                </option>
              ))}
            </Select>
            {!fieldErrors.baseUrl && (
              <p id={`${baseUrlId}-hint`} className="text-ui text-subtle">
                {allowedBaseUrls.length === 1
                  ? "The Jobs API this deployment connects to."
                  : "The Jobs APIs this deployment allows."}{" "}
                Set by whoever runs this portal.
              </p>
            )}
            <FieldError id={`${baseUrlId}-error`} message={fieldErrors.baseUrl} className="mt-0" />
          </div>
          <CodeField
            ref={apiKeyRef}
            label="API key"
            labelAside={keyBadge}
            name="apiKey"
            type="password"
            placeholder={
              keyRequired
                ? "Paste the API key for this base URL"
                : connection.upstreamApiKeySet
                  ? "Leave blank to keep the current key"
                  : "Paste the Jobs API key"
            }
            disabled={!canManage}
            error={fieldErrors.apiKey}
            hint={
              keyRequired
                ? "Required for a new base URL: a key is only sent to the base URL it was entered for."
                : "Stored encrypted. It is never shown again, not even to you."
            }
          />
          {update.isError && <Alert tone="danger">{update.error.message}</Alert>}
          <LiveAlert tone="success">{update.isSuccess && "Connection saved."}</LiveAlert>
          {test.isError && <Alert tone="danger">{test.error.message}</Alert>}
          <LiveRegion>{test.data && <ConnectionCheckResultAlert check={test.data} />}</LiveRegion>
        </CardBody>
        <CardFooter>
          <p className="mr-auto text-ui text-subtle">
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
