import { useId } from "react";
import { Select } from "@/components/ui/select";
import { DEFAULT_EXPIRATION_SECONDS } from "@/lib/contract/download-result";

export const EXPIRATION_CHOICES = [
  { seconds: 900, label: "15 minutes" },
  { seconds: DEFAULT_EXPIRATION_SECONDS, label: "1 hour" },
  { seconds: 86_400, label: "24 hours" },
  { seconds: 604_800, label: "7 days" },
] as const;

/** How long fresh links stay valid (the contract allows 60 s to 7 days). */
export function ExpirationPicker({ value, onChange }: { value: number; onChange: (seconds: number) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm whitespace-nowrap text-subtle">
        Links valid for
      </label>
      <Select id={id} value={String(value)} onChange={(event) => onChange(Number(event.target.value))} className="w-32">
        {EXPIRATION_CHOICES.map((choice) => (
          <option key={choice.seconds} value={choice.seconds}>
            {choice.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
