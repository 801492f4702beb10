import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc/provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Goldloop", template: "%s · Goldloop" },
  description: "Loop engineering: review, correct and curate AI outputs into gold datasets.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
