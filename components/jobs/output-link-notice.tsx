import { formatExact } from "@/components/ui/format";
import { CheckIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";

/** After "Copy link": the link is on the clipboard, and when it stops working. Its caller puts it in a LiveRegion. */
export function OutputLinkNotice({ expiresAt }: { expiresAt: string }) {
  return (
    <p className="mt-2 ml-12 flex items-center gap-1.5 text-ui text-success">
      <CheckIcon className="size-3.5" />
      <span>
        Link copied. It expires <RelativeTime iso={expiresAt} /> ({formatExact(expiresAt)}); anyone with it can download
        the file until then.
      </span>
    </p>
  );
}
