// A request as a cURL command a person pastes into a POSIX shell (bash, zsh, sh): every argument
// single-quoted, so no character of a URL, header or body means anything to the shell. `-i` shows
// the receiver's status and headers with its answer.

/** `'…'`, with each `'` inside written as `'\''` (close, an escaped quote, reopen). */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function buildCurlCommand(url: string, headers: Record<string, string>, body: string): string {
  return [
    `curl -i -sS -X POST ${shellQuote(url)}`,
    ...Object.entries(headers).map(([name, value]) => `  -H ${shellQuote(`${name}: ${value}`)}`),
    `  --data-raw ${shellQuote(body)}`,
  ].join(" \\\n");
}
