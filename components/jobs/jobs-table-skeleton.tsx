import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { JOB_COLUMNS } from "./job-columns";

const WIDTHS = ["w-56", "w-20", "w-24", "w-28", "w-14", "w-14", "w-12", "w-10"];

/** The table's shape while the first page loads. */
export function JobsTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading jobs">
      <Table aria-hidden="true">
        <TableHead>
          <tr>
            {JOB_COLUMNS.map((column) => (
              <TableHeaderCell key={column} className="px-3 first:pl-4 last:pr-4">
                {column}
              </TableHeaderCell>
            ))}
          </tr>
        </TableHead>
        <TableBody>
          {Array.from({ length: rows }, (_, row) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders that never reorder.
            <tr key={row}>
              {WIDTHS.map((width, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders that never reorder.
                <TableCell key={column} className="px-3 py-4 first:pl-4 last:pr-4">
                  <Skeleton className={`h-4 ${width}`} />
                </TableCell>
              ))}
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
