/** A header name as people write it (`x-hub-signature-256` → `X-Hub-Signature-256`); names are stored lower-case. */
export function headerLabel(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}
