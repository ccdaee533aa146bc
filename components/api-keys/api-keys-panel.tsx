"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlugIcon } from "@/components/ui/icons";
import { SkeletonRows } from "@/components/ui/skeleton";
import type { ApiKeySummary } from "@/lib/api-keys/types";
import { ApiKeysTable } from "./api-keys-table";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { apiKeysQuery } from "./queries";
import { RevokeApiKeyDialog } from "./revoke-api-key-dialog";

export interface ApiKeysPanelProps {
  /** May create keys, and revoke their own (apiKeys.write). */
  canCreate: boolean;
  /** May revoke anyone's key (apiKeys.manage). */
  canRevokeAny: boolean;
  /** The signed-in user: their own keys are theirs to revoke. */
  userId: string;
}

/** Settings → API keys: the list, creating a key (shown once) and revoking one. */
export function ApiKeysPanel({ canCreate, canRevokeAny, userId }: ApiKeysPanelProps) {
  const apiKeys = useQuery(apiKeysQuery());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);

  const createButton = canCreate && <Button onClick={() => setCreating(true)}>Create API key</Button>;
  const canRevoke = (apiKey: ApiKeySummary) => canRevokeAny || (canCreate && apiKey.createdBy?.id === userId);

  const body = (
    <QueryState
      query={apiKeys}
      errorTitle="Could not load the API keys"
      placeholder={<SkeletonRows rowClassName="h-10" />}
    >
      {(data) =>
        data.apiKeys.length === 0 ? (
          <EmptyState
            icon={<PlugIcon className="size-5" />}
            title="No API keys yet"
            description="Create a key for each service that calls the /v1 API, so you can revoke one without touching the others."
            action={createButton}
          />
        ) : (
          <ApiKeysTable apiKeys={data.apiKeys} canRevoke={canRevoke} onRevoke={setRevoking} />
        )
      }
    </QueryState>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-subtle">
          {canRevokeAny
            ? "Keys act for the whole workspace. Revoking one takes effect at once."
            : canCreate
              ? "Keys act for the whole workspace. You can revoke the keys you created; owners and admins can revoke any."
              : "Only owners, admins and developers can create keys."}
        </p>
        {apiKeys.data && apiKeys.data.apiKeys.length > 0 && createButton}
      </div>
      {body}
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
      <RevokeApiKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}
