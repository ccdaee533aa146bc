"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatExact } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  TableRowHeaderCell,
} from "@/components/ui/table";
import type { ApiKeySummary } from "@/lib/api-keys/types";

export interface ApiKeysTableProps {
  apiKeys: ApiKeySummary[];
  /** Whether the signed-in member may revoke this key (anyone's, or their own). */
  canRevoke: (apiKey: ApiKeySummary) => boolean;
  onRevoke: (apiKey: ApiKeySummary) => void;
}

export function ApiKeysTable({ apiKeys, canRevoke, onRevoke }: ApiKeysTableProps) {
  const anyRevocable = apiKeys.some(canRevoke);
  return (
    <Table aria-label="API keys">
      <TableHead>
        <tr>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Key</TableHeaderCell>
          <TableHeaderCell>Created</TableHeaderCell>
          <TableHeaderCell>Created by</TableHeaderCell>
          <TableHeaderCell>Last used</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          {anyRevocable && (
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          )}
        </tr>
      </TableHead>
      <TableBody>
        {apiKeys.map((apiKey) => (
          <TableRow key={apiKey.id} data-testid="api-key-row">
            <TableRowHeaderCell className="font-medium text-emphasis">{apiKey.name}</TableRowHeaderCell>
            <TableCell className="font-mono text-ui">{apiKey.prefix}…</TableCell>
            <TableCell>
              <RelativeTime iso={apiKey.createdAt} />
            </TableCell>
            <TableCell className="max-w-48 truncate" title={apiKey.createdBy?.email}>
              {apiKey.createdBy ? (
                (apiKey.createdBy.name ?? apiKey.createdBy.email)
              ) : (
                <span className="text-muted">—</span>
              )}
            </TableCell>
            <TableCell>
              {apiKey.lastUsedAt ? <RelativeTime iso={apiKey.lastUsedAt} /> : <span className="text-muted">Never</span>}
            </TableCell>
            <TableCell>
              {apiKey.revokedAt ? (
                <Badge tone="neutral" title={`Revoked ${formatExact(apiKey.revokedAt)}`}>
                  Revoked
                </Badge>
              ) : (
                <Badge tone="success" dot>
                  Active
                </Badge>
              )}
            </TableCell>
            {anyRevocable && (
              <TableCell className="text-right">
                {!apiKey.revokedAt && canRevoke(apiKey) && (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => onRevoke(apiKey)}
                    aria-label={`Revoke ${apiKey.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
