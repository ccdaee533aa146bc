"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { JobOutputKind } from "@/lib/jobs/types";
import { httpLink } from "./http-link";
import { outputLinkQuery } from "./queries";

// Video and audio outputs play in the browser straight from a fresh presigned link (https, or the
// Jobs API's own origin: the page's CSP media-src allows exactly those), with the range requests
// players make to seek. The portal never streams the file itself. A link that stops working (it
// expired while the page stayed open) is replaced once, at the player's first error.
export function MediaPlayer({
  jobId,
  outputIndex,
  kind,
  label,
}: {
  jobId: string;
  outputIndex: number;
  kind: Exclude<JobOutputKind, "srt">;
  label: string;
}) {
  const link = useQuery(outputLinkQuery(jobId, outputIndex));
  const [errors, setErrors] = useState(0);
  const src = link.data ? httpLink(link.data.url) : null;

  if (link.isError) {
    return (
      <Alert
        tone="danger"
        title="The player has no link"
        action={
          <Button variant="secondary" size="sm" onClick={() => void link.refetch()}>
            Try again
          </Button>
        }
      >
        {link.error.message}
      </Alert>
    );
  }
  if (!src) return <Skeleton className={kind === "video" ? "aspect-video w-full" : "h-12 w-full"} />;

  function onError() {
    // One fresh link after the first failure (it may have expired); a second failure is the file's.
    setErrors((count) => count + 1);
    if (errors === 0) void link.refetch();
  }

  const failed = errors >= 2;
  return (
    <div className="space-y-2">
      {/* biome-ignore-start lint/a11y/useMediaCaption: a job's output played as the Jobs API made it; voiceover and dub jobs produce no captions the portal could attach. */}
      {kind === "video" ? (
        <video
          key={src}
          data-testid="output-player"
          controls
          preload="metadata"
          src={src}
          onError={onError}
          aria-label={label}
          className="aspect-video w-full rounded-md bg-black"
        >
          Your browser cannot play this video; download it instead.
        </video>
      ) : (
        <audio
          key={src}
          data-testid="output-player"
          controls
          preload="metadata"
          src={src}
          onError={onError}
          aria-label={label}
          className="w-full"
        >
          Your browser cannot play this audio; download it instead.
        </audio>
      )}
      {/* biome-ignore-end lint/a11y/useMediaCaption: see above. */}
      {failed && <p className="text-ui text-danger">The file could not be played here. Download it instead.</p>}
    </div>
  );
}
