"use client";

import { useId } from "react";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { ASSIGNABLE_ROLES } from "@/lib/members/schemas";

type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** The roles a member can be given (owner moves only by a transfer). */
export function RoleSelect({
  label,
  name,
  value,
  onChange,
  disabled,
  hideLabel,
}: {
  label: string;
  name?: string;
  value: AssignableRole;
  onChange: (role: AssignableRole) => void;
  disabled?: boolean;
  hideLabel?: boolean;
}) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        {label}
      </Label>
      <Select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as AssignableRole)}
      >
        {ASSIGNABLE_ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </Select>
    </div>
  );
}
