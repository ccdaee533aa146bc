import type { HTMLAttributes } from "react";
import { Card, CardBody } from "./card";
import { cn } from "./cn";

/** A placeholder block while data loads; size it with className. */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-emphasis/70", className)} {...props} />;
}

/** A loading list: `count` skeleton rows of one height, announced as busy. */
export function SkeletonRows({
  count = 2,
  rowClassName = "h-10",
  className,
}: {
  count?: number;
  rowClassName?: string;
  className?: string;
}) {
  return (
    <div aria-busy="true" className={cn("space-y-2", className)}>
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders that never reorder.
        <Skeleton key={index} className={cn("w-full", rowClassName)} />
      ))}
    </div>
  );
}

/** A loading form card: two labels and two inputs' worth of placeholders, announced as busy. */
export function SkeletonFormCard() {
  return (
    <Card aria-busy="true">
      <CardBody className="space-y-5">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-9 w-full" />
      </CardBody>
    </Card>
  );
}
