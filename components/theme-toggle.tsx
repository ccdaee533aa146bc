"use client";

import { useId, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";

type Theme = "light" | "dark" | "system";
const STORAGE_KEY = "theme"; // the key app/layout.tsx reads before first paint
const listeners = new Set<() => void>();

function readTheme(): Theme {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

function applyTheme(theme: Theme): void {
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

function writeTheme(theme: Theme): void {
  if (theme === "system") localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, theme);
  applyTheme(theme);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Follows the system while on "system", and other tabs' choices.
  const media = matchMedia("(prefers-color-scheme: dark)");
  const onSystemChange = () => readTheme() === "system" && applyTheme("system");
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    applyTheme(readTheme());
    listener();
  };
  media.addEventListener("change", onSystemChange);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    media.removeEventListener("change", onSystemChange);
    window.removeEventListener("storage", onStorage);
  };
}

const OPTIONS = [
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
  { value: "system", label: "System", Icon: MonitorIcon },
] as const;

/** Light / dark / system as a radio group: arrow keys move between options, as users expect. */
export function ThemeToggle({ className }: { className?: string }) {
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as Theme);
  const name = useId();
  return (
    <fieldset className={cn("flex rounded-md border border-subtle bg-subtle/60 p-0.5", className)}>
      <legend className="sr-only">Theme</legend>
      {OPTIONS.map(({ value, label, Icon }) => (
        <label
          key={value}
          title={label}
          className={cn(
            "relative flex h-7 flex-1 cursor-pointer items-center justify-center gap-1.5 rounded-[5px] text-xs font-medium text-subtle transition-colors",
            "has-focus-visible:outline-2 has-focus-visible:outline-focus hover:text-emphasis",
            theme === value && "bg-default text-emphasis shadow-xs ring-1 ring-subtle",
          )}
        >
          <input
            type="radio"
            name={name}
            value={value}
            checked={theme === value}
            onChange={() => writeTheme(value)}
            // Invisible but covering the label, so a click lands on the radio itself.
            className="absolute inset-0 cursor-pointer appearance-none opacity-0"
          />
          <Icon className="size-3.5" />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
