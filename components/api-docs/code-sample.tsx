import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";

export interface CodeSampleProps {
  title: string;
  code: string;
}

/** A titled, copyable block of code; renders on the server, only the copy button is a client island. */
export function CodeSample({ title, code }: CodeSampleProps) {
  return (
    <Card className="overflow-hidden">
      <div className="flex items-center justify-between border-b border-subtle px-4 py-2">
        <h3 className="text-sm font-medium text-emphasis">{title}</h3>
        <CopyButton value={code} label={`Copy the ${title} example`} variant="ghost" />
      </div>
      <CodeBlock className="overflow-x-auto bg-muted p-4 font-mono text-ui leading-relaxed text-emphasis">
        <code data-testid={`example-${title.toLowerCase()}`}>{code}</code>
      </CodeBlock>
    </Card>
  );
}
