"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ProductMark } from "@/components/product-mark";
import { Button } from "@/components/ui/button";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";
import { Sidebar, type SidebarProps } from "./sidebar";

/**
 * The signed-in frame: a fixed sidebar from `lg` up; below it, a top bar whose menu button opens
 * the same sidebar in a native modal <dialog> (focus trapped, Escape closes, focus restored).
 */
export function AppShell({ children, ...sidebar }: Omit<SidebarProps, "onNavigate"> & { children: ReactNode }) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const drawerRef = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();

  useEffect(() => setDrawerOpen(false), [pathname]);
  useEffect(() => {
    const drawer = drawerRef.current;
    if (drawerOpen && !drawer?.open) drawer?.showModal();
    if (!drawerOpen && drawer?.open) drawer.close();
  }, [drawerOpen]);

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3 dark:bg-zinc-900"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 hidden w-64 border-r border-zinc-200 bg-zinc-100/50 lg:block dark:border-zinc-800 dark:bg-zinc-950">
        <Sidebar {...sidebar} />
      </aside>

      <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-zinc-200 bg-white/90 px-4 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-950/90">
        <ProductMark />
        <Button variant="ghost" size="icon" aria-label="Open navigation" aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)}>
          <MenuIcon className="size-5" />
        </Button>
      </header>
      <dialog
        ref={drawerRef}
        aria-label="Navigation"
        onClose={() => setDrawerOpen(false)}
        onClick={(event) => event.target === drawerRef.current && setDrawerOpen(false)}
        className="m-0 h-full max-h-none w-72 max-w-[85vw] border-r border-zinc-200 bg-zinc-50 p-0 backdrop:bg-zinc-950/40 lg:hidden dark:border-zinc-800 dark:bg-zinc-950"
      >
        <div className="absolute top-3.5 right-3">
          <Button variant="ghost" size="icon" aria-label="Close navigation" onClick={() => setDrawerOpen(false)}>
            <CloseIcon className="size-5" />
          </Button>
        </div>
        {/* Rendered only while open, so the page never holds two copies of the navigation. */}
        {drawerOpen && <Sidebar {...sidebar} onNavigate={() => setDrawerOpen(false)} />}
      </dialog>

      <main id="main" tabIndex={-1} className="outline-none lg:pl-64">
        <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:px-10 lg:py-10">{children}</div>
      </main>
    </div>
  );
}
