import type { HTMLAttributes } from "react";

/**
 * A block of code or data that may scroll (payloads, bodies, examples). It takes keyboard focus,
 * so a keyboard user can scroll what overflows it (WCAG 2.1.1); the focus ring is the tokens'.
 */
export function CodeBlock(props: HTMLAttributes<HTMLPreElement>) {
  return <pre tabIndex={0} {...props} />;
}
