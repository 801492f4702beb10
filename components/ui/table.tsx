import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    // Focusable so a table wider than the screen can be scrolled from the keyboard (WCAG 2.1.1).
    <div className="overflow-x-auto" tabIndex={0}>
      <table className={cn("min-w-full divide-y divide-zinc-200 text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("px-4 py-2.5 text-left text-xs font-medium uppercase tracking-wide text-zinc-500 first:pl-5 last:pr-5", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-4 py-3 text-zinc-700 first:pl-5 last:pr-5", className)} {...props} />;
}
