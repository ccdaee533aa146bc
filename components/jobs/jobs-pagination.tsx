import { Button } from "@/components/ui/button";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";

export interface JobsPaginationProps {
  shown: number;
  /** Null when there is no previous page; "first" when it is the list's start. */
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
}

export function JobsPagination({ shown, onPrevious, onNext }: JobsPaginationProps) {
  if (!onPrevious && !onNext) {
    return <p className="mt-3 text-sm text-subtle">{shown === 1 ? "1 job" : `${shown} jobs`}</p>;
  }
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between gap-3">
      <p className="text-sm text-subtle">{shown === 1 ? "1 job on this page" : `${shown} jobs on this page`}</p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={!onPrevious} onClick={onPrevious ?? undefined}>
          <ChevronLeftIcon className="-ml-1 size-4" />
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={!onNext} onClick={onNext ?? undefined}>
          Next
          <ChevronRightIcon className="-mr-1 size-4" />
        </Button>
      </div>
    </nav>
  );
}
