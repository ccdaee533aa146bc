import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

export interface CodeSampleProps {
  title: string;
  code: string;
}

/** A titled, copyable block of code; renders on the server, only the copy button is a client island. */
export function CodeSample({ title, code }: CodeSampleProps) {
  return (
    <Card className="overflow-hidden">
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h3 className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{title}</h3>
        <CopyButton value={code} label={`Copy the ${title} example`} variant="ghost" />
      </div>
      <pre className="overflow-x-auto bg-zinc-50 p-4 font-mono text-[13px] leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
        <code data-testid={`example-${title.toLowerCase()}`}>{code}</code>
      </pre>
    </Card>
  );
}
