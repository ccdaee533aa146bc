import { httpLink, UnsafeLinkError } from "./http-link";

/**
 * Starts a browser download through a temporary anchor. A presigned link's server names the file
 * (Content-Disposition); `download` names it for same-origin URLs such as the zip route. Only an
 * http(s) link ever becomes the anchor's href.
 */
export function startDownload(url: string, fileName: string): void {
  const href = httpLink(url);
  if (!href) throw new UnsafeLinkError();
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = fileName;
  anchor.rel = "noopener";
  anchor.style.display = "none";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}
