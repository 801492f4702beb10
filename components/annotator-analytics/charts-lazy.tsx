"use client";

import dynamic from "next/dynamic";

// recharts sizes itself from the DOM, so the charts render in the browser only; the placeholders keep the height.
export const LazyThroughputChart = dynamic(() => import("./throughput-chart").then((module) => module.ThroughputChart), {
  ssr: false,
  loading: () => <div className="h-[200px]" />,
});

export const LazyDistributionChart = dynamic(() => import("./distribution-chart").then((module) => module.DistributionChart), {
  ssr: false,
  loading: () => <div className="h-[220px]" />,
});
