import type { TaxStateMachine } from '../shared/state-machine';

/**
 * Risk escalation ladder (风险递进式处置), tax.md §8 R8.6 (Sanya, 002 L3775): big-data monitoring →
 * early dynamic reminder → taxpayer self-check and self-correction → escalating enforcement.
 */
export const RISK_CASE_STATES = ['DETECTED', 'REMINDED', 'SELF_CORRECTING', 'RESOLVED', 'ENFORCEMENT'] as const;
export type RiskCaseStatus = (typeof RISK_CASE_STATES)[number];

export const RISK_CASE_TRIGGERS = ['detect', 'send_reminder', 'start_self_check', 'verify_correction', 'escalate'] as const;
export type RiskCaseTrigger = (typeof RISK_CASE_TRIGGERS)[number];

export const RISK_CASE_MACHINE: TaxStateMachine<RiskCaseStatus, RiskCaseTrigger> = {
  name: 'risk-case',
  codePrefix: 'tax',
  states: RISK_CASE_STATES,
  triggers: RISK_CASE_TRIGGERS,
  creations: [{ trigger: 'detect', to: 'DETECTED', actors: ['system'], guard: 'Monitoring rule or list hit; tax.risk.detected' }],
  transitions: [
    { from: ['DETECTED'], trigger: 'send_reminder', to: 'REMINDED', actors: ['system'], guard: 'Within 1 WD of detection [cfg]; notice to the taxpayer' },
    { from: ['REMINDED'], trigger: 'start_self_check', to: 'SELF_CORRECTING', actors: ['applicant'], guard: 'Within 5 WD of the reminder [cfg]' },
    {
      from: ['SELF_CORRECTING'],
      trigger: 'verify_correction',
      to: 'RESOLVED',
      actors: ['officer_risk'],
      guard: 'Corrected and verified within 15 WD of the self-check start [cfg]; tax.risk.resolved; blocks lifted',
    },
    {
      from: ['REMINDED', 'SELF_CORRECTING'],
      trigger: 'escalate',
      to: 'ENFORCEMENT',
      actors: ['officer_risk'],
      guard: 'Deadline missed or correction refused; tax.risk.escalated; block stays',
    },
  ],
  terminal: ['RESOLVED', 'ENFORCEMENT'],
};
