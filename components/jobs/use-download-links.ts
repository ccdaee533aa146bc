"use client";

import { useMutation } from "@tanstack/react-query";
import { postDownloadLinks } from "./fetch-jobs";

/** Asks the portal for fresh presigned links (the portal calls the upstream's download-result). */
export function useDownloadLinks(jobId: string) {
  return useMutation({
    mutationKey: ["jobs", "download-links", jobId],
    mutationFn: (expirationSeconds: number) => postDownloadLinks(jobId, expirationSeconds),
  });
}
