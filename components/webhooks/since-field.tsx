"use client";

import { TextField } from "@/components/ui/field";

/** `datetime-local` wants local time without a zone: the value for `date` in the reader's zone. */
export function toLocalInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A moment picker in the reader's time zone; an empty or unreadable value is null. */
export function SinceField({ label, value, onChange, error }: { label: string; value: string; onChange: (value: string) => void; error?: string }) {
  return <TextField label={label} type="datetime-local" value={value} error={error} onChange={(event) => onChange(event.target.value)} />;
}

export function parseLocalInputValue(value: string): Date | null {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date : null;
}
