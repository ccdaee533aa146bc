import type { HTMLAttributes, MouseEvent, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

// Table primitives: a bordered, horizontally scrollable container and quiet rows. Column headers
// are <th scope="col">; the cell that names its row (a job id, a key's name) is a
// <th scope="row">, so a screen reader moving along a row hears which one it is in.
export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="overflow-x-auto rounded-lg border border-subtle bg-default shadow-xs">
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function TableHead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("border-b border-subtle bg-muted/80", className)} {...props} />;
}

export function TableBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-muted", className)} {...props} />;
}

export interface TableRowProps extends HTMLAttributes<HTMLTableRowElement> {
  /**
   * A click anywhere on the row opens what it names; its link or button does the same from the
   * keyboard. Clicks on a link or button in the row, and selecting text, keep their own meaning.
   */
  onOpen?: () => void;
}

export function TableRow({ className, onOpen, ...props }: TableRowProps) {
  const open =
    onOpen &&
    ((event: MouseEvent) => {
      if ((event.target as HTMLElement).closest("a, button") || window.getSelection()?.toString()) return;
      onOpen();
    });
  return (
    <tr
      className={cn("transition-colors hover:bg-subtle/60", open && "cursor-pointer", className)}
      onClick={open}
      {...props}
    />
  );
}

/** The link in the cell that names a row (a job id, an endpoint URL): it opens the row's page. */
export const TABLE_ROW_LINK =
  "rounded-sm font-mono text-ui font-medium text-emphasis hover:text-brand focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus";

export function TableHeaderCell({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("px-4 py-2.5 text-xs font-medium tracking-wide text-subtle uppercase", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-4 py-3 align-middle text-default", className)} {...props} />;
}

/** The cell that names its row, styled as any other cell. */
export function TableRowHeaderCell({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope="row" className={cn("px-4 py-3 text-left align-middle font-normal text-default", className)} {...props} />
  );
}
