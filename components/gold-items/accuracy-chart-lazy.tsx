"use client";

import dynamic from "next/dynamic";

// recharts sizes itself from the DOM, so it renders in the browser only; the placeholder keeps some height.
export const LazyAccuracyChart = dynamic(() => import("./accuracy-chart").then((module) => module.AccuracyChart), {
  ssr: false,
  loading: () => <div className="h-32" />,
});
