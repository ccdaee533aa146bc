export function endpointHref(endpointId: string): string {
  return `/settings/webhooks/${encodeURIComponent(endpointId)}`;
}
