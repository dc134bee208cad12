// Refunds (退税), incl. the VAT credit refund (留抵退税), tax.md §9.
export { REFUND_STATES, REFUND_TRIGGERS, REFUND_MACHINE } from './refund-machine';
export type { RefundStatus, RefundTrigger } from './refund-machine';
export { KEY_INDUSTRIES, KEY_INDUSTRIES_VERSION, sectionOfDivision, parseIndustryCode, keyIndustryOf } from './key-industries';
export type { KeyIndustry, ParsedIndustryCode } from './key-industries';
export { RefundClaim, REFUND_KINDS, REFUND_OPERATION, DEFAULT_REFUND_POLICY, refundEligibility } from './refund-claim';
export type {
  RefundKind,
  RefundPolicy,
  RefundIneligibility,
  RefundEligibility,
  RefundGateRecord,
  InfoRequest,
  RefundHistoryEntry,
  RefundClaimState,
  RefundEventData,
  SubmitRefundClaim,
} from './refund-claim';
export { RefundNotEligibleError, RefundReasonsRequiredError, RefundInfoPeriodOverError, RefundInfoPeriodNotOverError, RefundRiskNotResolvedError } from './errors';
