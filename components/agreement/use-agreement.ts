"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/api/root";
import type { Granularity } from "@/server/metrics/catalog";

export function useQueueAgreement(projectId: string, queueId: string, granularity: Granularity) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.agreement.forQueue.queryOptions({ projectId, queueId, granularity })).data;
}

export type QueueAgreementData = inferRouterOutputs<AppRouter>["agreement"]["forQueue"];
export type FieldAgreementData = QueueAgreementData["fields"][number];
export type AlphaPointData = QueueAgreementData["alphaOverTime"]["points"][number];
export type AnnotatorAgreementData = QueueAgreementData["annotators"][number];
export type JudgeAgreementData = QueueAgreementData["judges"][number];
export type EstimateData = Pick<FieldAgreementData["alpha"], "value" | "lower" | "upper">;
