import { Badge } from "@/components/ui/badge";
import { statusCodeTone } from "./format-delivery";

/** An HTTP answer's code in mono, toned by outcome; "No answer" when the request never got one. */
export function StatusCodeBadge({ statusCode }: { statusCode: number | null }) {
  return (
    <Badge tone={statusCodeTone(statusCode)} className="font-mono tabular-nums" data-testid="status-code">
      {statusCode ?? "No answer"}
    </Badge>
  );
}
