import { type ClassValue, clsx } from "clsx";
import { extendTailwindMerge } from "tailwind-merge";

// tailwind-merge must know the theme's own font sizes (app/globals.css `--text-*`): it reads any
// `text-<name>` it does not know as a colour, and would let `text-ui` and `text-muted` cancel out.
const twMerge = extendTailwindMerge({
  extend: { theme: { text: ["2xs", "caption", "code", "ui", "title"] } },
});

/**
 * Joins class names (clsx: strings, conditionals, arrays) and resolves Tailwind conflicts, so a
 * caller's class overrides a primitive's default: `<Dialog className="max-w-lg">` drops `max-w-md`.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
