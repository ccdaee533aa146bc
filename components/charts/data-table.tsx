import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";

export interface DataTableProps {
  caption: string;
  columns: string[];
  rows: Array<{ key: string; cells: Array<string | number> }>;
}

/** A chart's table view: the first column names the row, the rest are numbers (right-aligned). */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <div className="max-h-72 overflow-y-auto">
      <Table aria-label={caption} className="text-ui">
        <TableHead className="sticky top-0">
          <tr>
            {columns.map((column, index) => (
              <TableHeaderCell key={column} className={cn("px-3 py-2", index > 0 && "text-right")}>
                {column}
              </TableHeaderCell>
            ))}
          </tr>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th
                    // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells never reorder; the position is the column.
                    key={index}
                    scope="row"
                    className="px-3 py-1.5 text-left font-normal whitespace-nowrap text-default"
                  >
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells never reorder; the position is the column.
                  <TableCell key={index} className="px-3 py-1.5 text-right tabular-nums">
                    {cell}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
