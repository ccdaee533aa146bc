"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { RequestError } from "@/lib/http/fetch-json";

// The one QueryClient of the signed-in app (STYLE.md), created once per browser tab: useState's
// initializer runs on first render only, so re-renders of the layout never replace the cache.
function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // A 4xx will not change on retry; network blips and 5xx may.
        retry: (failureCount, error) => !(error instanceof RequestError && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
