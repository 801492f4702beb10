import { agreementDecay } from "./agreement-decay";
import { annotatorEntropy } from "./annotator-entropy";
import { approvalSaturation } from "./approval-saturation";
import { correctionRateTrend } from "./correction-rate-trend";
import { decoyAcceptance } from "./decoy-acceptance";
import type { Detector } from "./detector";
import { diversityLoss } from "./diversity-loss";
import { inputDrift } from "./input-drift";
import { labelCollapse } from "./label-collapse";
import { negativeSignalTrend } from "./negative-signal-trend";
import { suggestionAgreement } from "./suggestion-agreement";
import { timeCollapse } from "./time-collapse";

/** Every built-in detector, in the order of `detectorIds`. */
export const detectors: readonly Detector[] = [
  labelCollapse,
  approvalSaturation,
  decoyAcceptance,
  suggestionAgreement,
  timeCollapse,
  annotatorEntropy,
  agreementDecay,
  diversityLoss,
  inputDrift,
  negativeSignalTrend,
  correctionRateTrend,
];
