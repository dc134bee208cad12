import { open311ExtendedStatus, type Open311TicketInput, type SubmissionState, type TicketState } from '@one-window/complaints/domain';

const CLOSED_NOTES: Readonly<Record<string, string>> = {
  fixed: '已办结 Closed: handled by {unit}',
  duplicate: '已合并 Closed: merged with another request on the same matter',
  not_councils_responsibility: '已引导 Closed: the caller was guided to the competent channel',
  no_further_action: '已办结 Closed: no further action possible',
};

const CLOSE_REASON_NOTES: Readonly<Record<string, string>> = {
  ANSWERED_FROM_KB: '已答复 Closed: answered directly by the hotline centre',
  WITHDRAWN: '已撤回 Closed: withdrawn by the caller',
  PRAISE_READ: '已转达 Closed: the praise was passed on to {unit}',
};

const OPEN_NOTES: Readonly<Record<string, string>> = {
  REGISTERED: '已登记 Registered; to be dispatched to the responsible unit',
  DISPATCHED: '已派单 Dispatched to {unit}',
  RETURN_REQUESTED: '转办中 Being referred to the responsible unit',
  IN_COORDINATION: '协调中 The responsible unit is being decided',
  IN_PROGRESS: '办理中 Being handled by {unit}',
  SUBMITTED: '审核中 Handled by {unit}; the reply is being reviewed',
  AWAITING_RATING: '待评价 Handled by {unit}; awaiting the caller\u2019s rating',
  CALLBACK_PENDING: '回访中 Handled by {unit}; the centre is calling back',
  REHANDLING: '重办中 Being handled again by {unit}',
  AWAITING_DUTY_OPINION: '办理中 Handled by {unit}; awaiting its duty-fulfilled opinion',
};

/**
 * `status_notes` (design, spec §7): a short public text of where the request stands, from the
 * ticket the Open311 roll-up shows (or the submission without tickets), the unit's display name and
 * the last extension's public reason (§3.4: the reason the caller may see). Never the report, the
 * notes of agents, or anything about the caller. Closed requests use the §7 extended status.
 */
export function open311StatusNotes(
  submission: Pick<SubmissionState, 'status' | 'closeReason'>,
  shown: (Open311TicketInput & Partial<Pick<TicketState, 'extensions'>>) | undefined,
  unitNames: Readonly<Record<string, string>>,
): string | undefined {
  if (!shown) {
    if (submission.status === 'RECEIVED') return '已受理 Received by the 12345 hotline centre';
    if (submission.status === 'AWAITING_SUPPLEMENT') return '待补充 Awaiting further information from the caller';
    if (submission.closeReason === 'IDENTITY_REFUSED') return '不予登记 Not registered: a real name is required for this request';
    if (submission.closeReason === 'INCOMPLETE') return '不予登记 Not registered: the information was incomplete; the caller may file again with complete information';
    return undefined;
  }
  const unit = shown.unitId ? (unitNames[shown.unitId] ?? shown.unitId) : 'the responsible unit';
  const fill = (text: string) => text.replace('{unit}', unit);
  if (shown.state === 'CLOSED') {
    const byReason = shown.closeReason ? CLOSE_REASON_NOTES[shown.closeReason] : undefined;
    const extended = open311ExtendedStatus({ state: 'CLOSED', ...(shown.closeReason ? { closeReason: shown.closeReason } : {}), ...(shown.outcomeCode ? { outcomeCode: shown.outcomeCode } : {}) });
    return fill(byReason ?? CLOSED_NOTES[extended] ?? '已办结 Closed');
  }
  const base = shown.state === 'IN_PROGRESS' && shown.longRunningIssueId ? fill('办理中 Action scheduled by {unit} under a long-running issue (plan, progress at least monthly)') : fill(OPEN_NOTES[shown.state] ?? '办理中 Open');
  const last = shown.extensions?.[shown.extensions.length - 1];
  return last && shown.state !== 'REGISTERED' ? `${base}; deadline extended: ${last.publicReason}` : base;
}
