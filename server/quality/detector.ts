/** What one observation did to a streaming detector. */
export type DetectorStep<State> = {
  /** The state to store; after an alarm it is already reset for the next segment. */
  state: State;
  alarm: boolean;
  /** 0-based position of this observation in the whole stream, across resets. */
  index: number;
  /** The test statistic after this observation, before any reset. */
  statistic: number;
};

/** A detector run over a batch: the final state and the stream indices that raised an alarm. */
export type DetectorScan<State> = { state: State; alarms: number[] };

/** Feeds a batch of observations through a detector's update function. */
export function scanDetector<State>(
  state: State,
  values: Iterable<number>,
  update: (state: State, value: number) => DetectorStep<State>,
): DetectorScan<State> {
  let current = state;
  const alarms: number[] = [];
  for (const value of values) {
    const step = update(current, value);
    current = step.state;
    if (step.alarm) alarms.push(step.index);
  }
  return { state: current, alarms };
}
