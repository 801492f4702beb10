import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { requireUser } from "@/server/api/page-guards";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  const user = await requireUser("/projects/new");
  if (!user.isInstanceAdmin) forbidden();
  return (
    <AuthCard title="New project" description="A project holds one AI system's outputs, its review queues, its team and its datasets.">
      <CreateProjectForm />
    </AuthCard>
  );
}
