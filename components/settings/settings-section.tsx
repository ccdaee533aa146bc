import type { ReactNode } from "react";

export interface SettingsSectionProps {
  id: string;
  title: string;
  description: ReactNode;
  children: ReactNode;
}

/** A settings group: what it is on the left, the controls on the right (stacked on narrow screens). */
export function SettingsSection({ id, title, description, children }: SettingsSectionProps) {
  return (
    <section
      aria-labelledby={id}
      className="grid gap-x-10 gap-y-4 py-8 first:pt-0 lg:grid-cols-[minmax(0,17rem)_minmax(0,1fr)]"
    >
      <div className="space-y-1.5">
        <h2 id={id} className="text-title font-semibold text-emphasis">
          {title}
        </h2>
        <div className="text-sm leading-relaxed text-subtle">{description}</div>
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}
