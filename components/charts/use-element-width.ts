"use client";

import { useCallback, useState } from "react";

/**
 * The rendered width of the element the returned ref is set on, kept current as it resizes;
 * `fallback` until the browser has laid it out (the server's render, the first paint).
 */
export function useElementWidth(fallback: number): [(element: Element | null) => () => void, number] {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((element: Element | null) => {
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.round(entry.contentRect.width));
    });
    if (element) observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
