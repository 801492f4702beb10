/** One line per project loop setting, shared by the card and its editor. */
export const projectLoopSettingHints = {
  granularities: "The windows the metrics job computes and the detectors watch.",
  driftMetadataKeys: "Output metadata keys watched for input drift: the input-drift detector compares their value mix, next to model, tags and input length.",
  referenceWindows: "Each series is compared with its first N windows with enough data; hourly series count N in days.",
} as const;

export const granularityTitles = { hour: "Hourly", day: "Daily" } as const;
