"use client";

import dynamic from "next/dynamic";

// recharts sizes itself from the DOM, so it renders in the browser only; the placeholder keeps the height.
export const LazyShareChart = dynamic(() => import("./share-chart").then((module) => module.ShareChart), {
  ssr: false,
  loading: () => <div className="h-56" />,
});
