"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import type { PrivacySettings } from "@/server/privacy/schema";

/** The project's saved privacy settings and the mutation that saves a new version. */
export function usePrivacySettings(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useSuspenseQuery(trpc.privacy.getSettings.queryOptions({ projectId })).data;
  const save = useMutation(
    trpc.privacy.updateSettings.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.privacy.getSettings.queryKey({ projectId }), saved),
    }),
  );
  return { settings, save };
}

/** Quiet time after the last keystroke before the tester asks the server again. */
const TEST_DELAY_MS = 250;

/** Redacts `text` with the draft settings, again a moment after either changes; the latest answer wins. */
export function useRedactionTest(projectId: string, text: string, settings: PrivacySettings) {
  const trpc = useTRPC();
  const { mutate, data, error, isPending, reset } = useMutation(trpc.privacy.testRedaction.mutationOptions());
  const draftKey = JSON.stringify(settings);
  useEffect(() => {
    if (text.trim() === "") {
      reset();
      return;
    }
    const timer = setTimeout(() => mutate({ projectId, text, settings: JSON.parse(draftKey) as PrivacySettings }), TEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [projectId, text, draftKey, mutate, reset]);
  return { result: text.trim() === "" ? undefined : data, error, isTesting: isPending };
}

/** What erasing an end user would delete (asked when the confirm dialog opens), and the erasure itself. */
export function useEndUserErasure(projectId: string) {
  const trpc = useTRPC();
  const [reviewing, setReviewing] = useState<string | null>(null);
  const preview = useQuery({ ...trpc.privacy.previewErasure.queryOptions({ projectId, endUserId: reviewing ?? "" }), enabled: reviewing !== null, staleTime: 0 });
  const erase = useMutation(trpc.privacy.eraseEndUser.mutationOptions({ onSuccess: () => setReviewing(null) }));
  return { reviewing, review: setReviewing, preview, erase };
}
