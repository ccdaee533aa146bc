import type { DownloadOutput } from "@/lib/contract/download-result";

// One download-result call per completed job per delivery round, whatever its number of
// endpoints: the deliveries of one job.completed are claimed together, and each would otherwise
// ask the upstream for the same links (20 endpoints, 20 calls, 20 answers held in memory). The
// first asks; the others within `windowMs` of that call share its answer — links that are valid
// for an hour, fetched at most `windowMs` earlier. A failure is shared only by those already
// waiting for it: the next round asks again. Keyed by workspace and job, so one workspace's links
// never reach another's endpoints; bounded to `maxEntries` jobs (the oldest go first).
export type RequestLinks = (workspaceId: string, upstreamJobId: string) => Promise<DownloadOutput[]>;

export const SHARED_LINKS_WINDOW_MS = 30_000;
export const SHARED_LINKS_MAX_ENTRIES = 1_000;

interface Entry {
  at: number;
  links: Promise<DownloadOutput[]>;
}

export function shareFreshLinks(
  requestLinks: RequestLinks,
  { clock = Date.now, windowMs = SHARED_LINKS_WINDOW_MS, maxEntries = SHARED_LINKS_MAX_ENTRIES } = {},
): RequestLinks {
  const entries = new Map<string, Entry>();

  return (workspaceId, upstreamJobId) => {
    const key = JSON.stringify([workspaceId, upstreamJobId]);
    const now = clock();
    const shared = entries.get(key);
    if (shared && now - shared.at < windowMs) return shared.links;
    entries.delete(key);
    // Map order is insertion order: the first entries are the oldest.
    for (const [oldKey, old] of entries) {
      if (entries.size < maxEntries && now - old.at < windowMs) break;
      entries.delete(oldKey);
    }
    const links = requestLinks(workspaceId, upstreamJobId);
    const entry = { at: now, links };
    entries.set(key, entry);
    links.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return links;
  };
}
