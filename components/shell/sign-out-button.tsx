"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { discardAllDrafts } from "@/components/ui/session-draft";

export function SignOutButton({ variant = "secondary" }: { variant?: "secondary" | "ghost" }) {
  return (
    <Button
      variant={variant}
      onClick={() => {
        discardAllDrafts();
        void signOut({ callbackUrl: "/signin" });
      }}
    >
      Sign out
    </Button>
  );
}
