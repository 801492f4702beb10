import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";

/** One titled part of a queue form (new or edit). */
export function FormSection({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <div className="px-5 py-5">{children}</div>
    </Card>
  );
}
