/**
 * Starts a browser download through a temporary anchor. A presigned link's server names the file
 * (Content-Disposition); `download` names it for same-origin URLs such as the zip route.
 */
export function startDownload(url: string, fileName: string): void {
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = "noopener";
  anchor.style.display = "none";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}
