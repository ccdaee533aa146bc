import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { JobsIcon, SearchIcon } from "@/components/ui/icons";

/** Filters or a search that match nothing. */
export function NoMatchingJobs({ search, onClear }: { search?: string; onClear: () => void }) {
  return (
    <EmptyState
      icon={search ? <SearchIcon className="size-5" /> : <JobsIcon className="size-5" />}
      title="No matching jobs"
      description={
        search ? (
          <>
            No job id starts with <code className="font-mono text-ui">{search}</code> under these filters.
          </>
        ) : (
          "No job matches these filters."
        )
      }
      action={
        <Button variant="secondary" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      }
    />
  );
}
