/** The http(s) links in a mail's text, in order, without duplicates (for the demo console and tests). */
export function extractLinks(text: string): string[] {
  const links = text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
  return [...new Set(links.map((link) => link.replace(/[.,;:!?]+$/, "")))];
}
