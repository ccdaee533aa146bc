import type { HTMLAttributes } from "react";

/**
 * A block of code or data that may scroll (payloads, bodies, examples). It takes keyboard focus,
 * so a keyboard user can scroll what overflows it (WCAG 2.1.1); the focus ring is the tokens'.
 */
export function CodeBlock(props: HTMLAttributes<HTMLPreElement>) {
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus (axe scrollable-region-focusable).
  return <pre tabIndex={0} {...props} />;
}
