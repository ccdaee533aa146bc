"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { ProductMark } from "@/components/product-mark";
import { Button } from "@/components/ui/button";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { Sidebar, type SidebarProps } from "./sidebar";

/**
 * The signed-in frame: a sidebar column from `lg` up; below it, a top bar whose menu button opens
 * the same sidebar in a native modal <dialog> (focus trapped, Escape closes, focus restored).
 * The column is as tall as the page, so its edge and background run to the bottom of a long page;
 * the navigation inside it is fixed to the viewport (alone, a fixed sidebar stops at its height).
 */
export function AppShell({ children, ...sidebar }: Omit<SidebarProps, "onNavigate"> & { children: ReactNode }) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const drawer = useModalDialog(drawerOpen, () => setDrawerOpen(false));
  const pathname = usePathname();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a navigation (a new pathname) closes the drawer.
  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-default px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <aside className="hidden w-64 shrink-0 border-r border-subtle bg-muted lg:block">
        <div className="fixed inset-y-0 left-0 w-64 overflow-y-auto">
          <Sidebar {...sidebar} />
        </div>
      </aside>

      <div className="min-w-0 flex-1">
        <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-subtle bg-default/90 px-4 backdrop-blur lg:hidden">
          <ProductMark />
          <Button
            variant="ghost"
            size="icon"
            aria-label="Open navigation"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          >
            <MenuIcon className="size-5" />
          </Button>
        </header>
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop; Escape closes a modal <dialog> natively. */}
        <dialog
          ref={drawer.ref}
          aria-label="Navigation"
          onCancel={drawer.onCancel}
          onClose={drawer.onClose}
          onClick={(event) => event.target === drawer.ref.current && setDrawerOpen(false)}
          className="m-0 h-full max-h-none w-72 max-w-[85vw] border-r border-subtle bg-muted p-0 backdrop:bg-overlay lg:hidden"
        >
          <div className="absolute top-3.5 right-3">
            <Button variant="ghost" size="icon" aria-label="Close navigation" onClick={() => setDrawerOpen(false)}>
              <CloseIcon className="size-5" />
            </Button>
          </div>
          {/* Rendered only while open, so the page never holds two copies of the navigation. */}
          {drawerOpen && <Sidebar {...sidebar} onNavigate={() => setDrawerOpen(false)} />}
        </dialog>

        <main id="main" tabIndex={-1} className="outline-none">
          <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:px-10 lg:py-10">{children}</div>
        </main>
      </div>
    </div>
  );
}
