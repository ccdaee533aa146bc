import type { ReactNode } from "react";
import { LoadError } from "@/components/load-error";

/** The parts of a TanStack query (plain or infinite) that decide what a panel shows. */
export interface QueryStateSource<Data> {
  data: Data | undefined;
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

export interface QueryStateProps<Data> {
  query: QueryStateSource<Data>;
  /** What could not be loaded, as the failure's title: "Could not load the API keys". */
  errorTitle: string;
  /** Places the failure where the placeholder stood (a margin inside a card). */
  errorClassName?: string;
  /** Shown while the first answer is on its way. */
  placeholder: ReactNode;
  children: (data: Data) => ReactNode;
}

/** A panel's body for its query: the data once loaded, else the failure with a retry, else the placeholder. */
export function QueryState<Data>({ query, errorTitle, errorClassName, placeholder, children }: QueryStateProps<Data>) {
  if (query.data !== undefined) return children(query.data);
  if (query.error)
    return (
      <LoadError
        title={errorTitle}
        message={query.error.message}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
        className={errorClassName}
      />
    );
  return placeholder;
}
