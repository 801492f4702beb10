"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { slugify } from "@/server/projects/schema";

export function CreateProjectForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: async (project) => {
        await queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
        router.push(`/p/${project.slug}`);
        router.refresh();
      },
    }),
  );
  const message = formError(create.error, ["name", "slug"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, slug: slug.trim() || undefined });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <TextField label="Project name" name="name" required autoFocus placeholder="Support bot" value={name} error={fieldError(create.error, "name")} onChange={(e) => setName(e.target.value)} />
      <TextField
        label="URL slug"
        name="slug"
        placeholder={name ? slugify(name) : "support-bot"}
        hint="Optional. Appears in links and API paths; derived from the name when empty."
        value={slug}
        error={fieldError(create.error, "slug")}
        onChange={(e) => setSlug(e.target.value)}
      />
      <Button type="submit" isBusy={create.isPending || create.isSuccess}>
        Create project
      </Button>
    </form>
  );
}
