import "server-only";
import { originOf } from "@/lib/contract/output-url";
import { prisma } from "@/lib/db/client";
import { isAllowedBaseUrl } from "./allowed-base-urls";
import { openUpstreamKey } from "./upstream-key";

export interface UpstreamConnection {
  baseUrl: string;
  apiKey: string;
  /** The base URL's origin: output files there may be fetched over http and from any address. */
  origin: string;
}

export type UpstreamConnectionState =
  | { status: "connected"; connection: UpstreamConnection }
  | { status: "not_configured" }
  /** JOBS_API_BASE_URLS no longer lists the stored base URL: nothing is sent to it. */
  | { status: "base_url_not_allowed"; baseUrl: string }
  /** The stored key was entered for another base URL: it is not sent to this one. */
  | { status: "key_not_for_base_url" };

/** What a workspace's stored base URL and sealed key amount to, under today's JOBS_API_BASE_URLS. The only place that opens the key. */
export function connectionStateOf(
  row: { upstreamBaseUrl: string | null; upstreamApiKeyEnc: string | null } | null,
): UpstreamConnectionState {
  const baseUrl = row?.upstreamBaseUrl;
  if (!baseUrl || !row.upstreamApiKeyEnc) return { status: "not_configured" };
  const origin = originOf(baseUrl);
  if (!origin || !isAllowedBaseUrl(baseUrl)) return { status: "base_url_not_allowed", baseUrl };
  const apiKey = openUpstreamKey(row.upstreamApiKeyEnc, baseUrl);
  if (apiKey === null) return { status: "key_not_for_base_url" };
  return { status: "connected", connection: { baseUrl, apiKey, origin } };
}

/** The workspace's Jobs API connection, and whether it may be used. */
export async function getUpstreamConnectionState(workspaceId: string): Promise<UpstreamConnectionState> {
  const workspace = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: { upstreamBaseUrl: true, upstreamApiKeyEnc: true },
  });
  return connectionStateOf(workspace);
}

/** The usable connection, or null while Settings has not set an allowed base URL and its key. */
export async function getUpstreamConnection(workspaceId: string): Promise<UpstreamConnection | null> {
  const state = await getUpstreamConnectionState(workspaceId);
  return state.status === "connected" ? state.connection : null;
}

/** The origin of the workspace's allowed Jobs API, for checking output URLs; no key is opened. */
export async function getUpstreamOrigin(workspaceId: string): Promise<string | null> {
  const workspace = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: { upstreamBaseUrl: true },
  });
  const baseUrl = workspace?.upstreamBaseUrl;
  return baseUrl && isAllowedBaseUrl(baseUrl) ? originOf(baseUrl) : null;
}
