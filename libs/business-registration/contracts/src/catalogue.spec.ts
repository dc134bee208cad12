import { EventCatalogue } from '@one-window/shared/messaging';
import {
  ANNUAL_REPORT_EVENTS,
  AnnualReportFiled,
  CompanyAbnormalListed,
  CompanyAbnormalRemoved,
  ApplicationRefused,
  ApplicationSupplementRequested,
  CompanyChanged,
  CompanyRegistered,
  DEREGISTRATION_EVENTS,
  DeregistrationObjected,
  DeregistrationRequested,
  ForcedExitCandidateFound,
  ForcedExitCandidateLapsed,
  BranchChanged,
  BranchDeregistered,
  CreditRepairOverdue,
  CreditRepairUpdated,
  PermitNoticeIssued,
  CompanyDormancyStarted,
  LICENCE_EVENTS,
  LicenceIssued,
  LicenceUpdated,
  LicenceVoided,
  REGISTRATION_EVENTS,
  REGISTRATION_TOPIC,
  SealOrderDispatched,
  SETUP_BUNDLE_EVENTS,
  SetupBundleOpened,
  SetupBundlePartCompleted,
} from '.';

describe('business-registration event contracts', () => {
  const catalogue = new EventCatalogue(REGISTRATION_EVENTS);

  it('names, versions and topics follow the catalogue rules', () => {
    expect(REGISTRATION_EVENTS.map((e) => e.type)).toEqual([
      'registration.company.registered.v1',
      'registration.company.changed.v1',
      'registration.company.deregistered.v1',
      'registration.application.submitted.v1',
      'registration.application.accepted.v1',
      'registration.application.supplement_requested.v1',
      'registration.application.resubmitted.v1',
      'registration.application.refused.v1',
      'registration.application.overdue.v1',
      'registration.application.withdrawn.v1',
      'registration.setup_bundle.opened.v1',
      'registration.setup_bundle.part_completed.v1',
      'registration.setup_bundle.completed.v1',
      'registration.seal_order.dispatched.v1',
      'registration.seal_order.delivered.v1',
      'registration.seal_order.overdue.v1',
      'registration.seal_maker.warned.v1',
      'registration.seal_maker.disqualified.v1',
      'registration.bank_account.preset.v1',
      'registration.bank_account.activated.v1',
      'registration.bank_account.declined.v1',
      'registration.deregistration.requested.v1',
      'registration.deregistration.notice_published.v1',
      'registration.deregistration.objected.v1',
      'registration.annual_report.filed.v1',
      'registration.company.abnormal_listed.v1',
      'registration.company.abnormal_removed.v1',
      'registration.application.not_accepted.v1',
      'registration.application.returned.v1',
      'registration.application.extended.v1',
      'registration.premises.filed.v1',
      'registration.branch.registered.v1',
      'registration.company.revoked.v1',
      'registration.licence.issued.v1',
      'registration.licence.updated.v1',
      'registration.licence.voided.v1',
      'registration.forced_exit.candidate_found.v1',
      'registration.forced_exit.candidate_lapsed.v1',
      'registration.branch.changed.v1',
      'registration.branch.deregistered.v1',
      'registration.credit_repair.updated.v1',
      'registration.credit_repair.overdue.v1',
      'registration.permit_notice.issued.v1',
      'registration.company.dormancy_started.v1',
      'registration.company.dormancy_ended.v1',
      'registration.name.reserved.v1',
      'registration.name.expired.v1',
    ]);
    expect(new Set(REGISTRATION_EVENTS.map((e) => e.topic))).toEqual(new Set([REGISTRATION_TOPIC]));
  });

  it('every example validates against its own schema', () => {
    for (const e of REGISTRATION_EVENTS) expect(catalogue.validate(e.type, e.example)).toEqual([]);
  });

  it('an additive change (a new field) still validates: the version stays', () => {
    expect(catalogue.validate(CompanyRegistered.type, { ...CompanyRegistered.example, newOptionalField: 'x' })).toEqual([]);
  });

  it('rejects a bad credit code, a missing field and an unknown change field, naming them', () => {
    expect(catalogue.validate(CompanyRegistered.type, { ...CompanyRegistered.example, uscc: '91440101MA9UWTRH3I' })).toEqual([
      expect.stringMatching(/^\/uscc must match pattern/),
    ]);
    const { legalRepRef: _omit, ...missing } = CompanyRegistered.example;
    expect(catalogue.validate(CompanyRegistered.type, missing)).toEqual(["/ must have required property 'legalRepRef'"]);
    expect(catalogue.validate(CompanyChanged.type, { ...CompanyChanged.example, changes: [{ field: 'colour', before: 1, after: 2 }] })).toEqual([
      expect.stringMatching(/^\/changes\/0\/field must be equal to one of the allowed values/),
    ]);
  });

  it('application events are keyed by the application id and accept additional properties', () => {
    for (const e of REGISTRATION_EVENTS.filter((d) => d.aggregate === 'application')) {
      expect(e.schema.required).toEqual(expect.arrayContaining(['applicationId', 'kind']));
      expect(catalogue.validate(e.type, { ...(e.example as object), addedLater: true })).toEqual([]);
    }
    expect(catalogue.validate(ApplicationSupplementRequested.type, { ...ApplicationSupplementRequested.example, missingItems: [] })).toEqual([
      expect.stringMatching(/^\/missingItems must NOT have fewer than 1 items/),
    ]);
    expect(catalogue.validate(ApplicationRefused.type, { ...ApplicationRefused.example, reasons: [] })).toEqual([expect.stringMatching(/^\/reasons/)]);
  });

  it('setup-bundle events: the parts are named, seal orders carry the maker and the company, instants are ISO 8601', () => {
    expect(SETUP_BUNDLE_EVENTS.every((e) => REGISTRATION_EVENTS.includes(e))).toBe(true);
    expect(catalogue.validate(SetupBundlePartCompleted.type, { ...SetupBundlePartCompleted.example, part: 'PIZZA' })).toEqual([
      expect.stringMatching(/^\/part must be equal to one of the allowed values/),
    ]);
    expect(catalogue.validate(SetupBundleOpened.type, { ...SetupBundleOpened.example, parts: [] })).toEqual([expect.stringMatching(/^\/parts/)]);
    const { makerId: _omit, ...noMaker } = SealOrderDispatched.example;
    expect(catalogue.validate(SealOrderDispatched.type, noMaker)).toEqual(["/ must have required property 'makerId'"]);
    expect(catalogue.validate(SealOrderDispatched.type, { ...SealOrderDispatched.example, dueAt: 'in an hour' })).toEqual([expect.stringMatching(/^\/dueAt must match format/)]);
  });

  it('deregistration events: keyed by the credit code, the route named, the court route carries its ruling', () => {
    expect(DEREGISTRATION_EVENTS.every((e) => REGISTRATION_EVENTS.includes(e) && e.aggregate === 'deregistration')).toBe(true);
    expect(catalogue.validate(DeregistrationRequested.type, { ...DeregistrationRequested.example, route: 'COURT', courtRulingRef: '(2026)粤01破1号' })).toEqual([]);
    expect(catalogue.validate(DeregistrationRequested.type, { ...DeregistrationRequested.example, route: 'FORCED' })).toEqual([
      expect.stringMatching(/^\/route must be equal to one of the allowed values/),
    ]);
    const { deregistrationId: _omit, ...noId } = DeregistrationRequested.example;
    expect(catalogue.validate(DeregistrationRequested.type, noId)).toEqual(["/ must have required property 'deregistrationId'"]);
    expect(catalogue.validate(DeregistrationObjected.type, { ...DeregistrationObjected.example, reason: '' })).toEqual([expect.stringMatching(/^\/reason/)]);
  });

  it('annual report and abnormal-list events: keyed by the credit code, reasons and sections named, no personal data', () => {
    expect(ANNUAL_REPORT_EVENTS.every((e) => REGISTRATION_EVENTS.includes(e))).toBe(true);
    expect(catalogue.validate(AnnualReportFiled.type, { ...AnnualReportFiled.example, sections: ['PIZZA'] })).toEqual([
      expect.stringMatching(/^\/sections\/0 must be equal to one of the allowed values/),
    ]);
    expect(catalogue.validate(AnnualReportFiled.type, { ...AnnualReportFiled.example, customs: { customsRegistrationNo: 'x', importExport: true, crossBorderEcommerce: false } })).toEqual([
      expect.stringMatching(/^\/customs\/customsRegistrationNo must match pattern/),
    ]);
    expect(JSON.stringify(AnnualReportFiled.schema)).not.toMatch(/personRef|phone|email|idNumber/);
    expect(catalogue.validate(CompanyAbnormalListed.type, { ...CompanyAbnormalListed.example, reasonCode: 'BORED' })).toEqual([
      expect.stringMatching(/^\/reasonCode must be equal to one of the allowed values/),
    ]);
    const { removedOn: _omit, ...notRemoved } = CompanyAbnormalRemoved.example;
    expect(catalogue.validate(CompanyAbnormalRemoved.type, notRemoved)).toEqual(["/ must have required property 'removedOn'"]);
  });

  it('licence events: keyed by the credit code, version 1 first, the superseded version and the change named, the void reason closed', () => {
    expect(LICENCE_EVENTS.every((e) => REGISTRATION_EVENTS.includes(e) && e.aggregate === 'licence')).toBe(true);
    for (const e of LICENCE_EVENTS) expect(e.schema.required).toEqual(expect.arrayContaining(['uscc', 'eLicenceId', 'version']));
    expect(catalogue.validate(LicenceIssued.type, { ...LicenceIssued.example, version: 0 })).toEqual([expect.stringMatching(/^\/version must be >= 1/)]);
    expect(catalogue.validate(LicenceIssued.type, { ...LicenceIssued.example, jointIssue: { eSeal: true } })).toEqual(["/jointIssue must have required property 'eInvoice'"]);
    expect(catalogue.validate(LicenceIssued.type, { ...LicenceIssued.example, jointIssue: { eSeal: 'yes', eInvoice: false } })).toEqual([
      expect.stringMatching(/^\/jointIssue\/eSeal must be boolean/),
    ]);
    const { supersedes: _omit, ...noSuperseded } = LicenceUpdated.example;
    expect(catalogue.validate(LicenceUpdated.type, noSuperseded)).toEqual(["/ must have required property 'supersedes'"]);
    expect(catalogue.validate(LicenceUpdated.type, { ...LicenceUpdated.example, changeId: '' })).toEqual([expect.stringMatching(/^\/changeId/)]);
    expect(catalogue.validate(LicenceUpdated.type, { ...LicenceUpdated.example, updatedAt: 'today' })).toEqual([expect.stringMatching(/^\/updatedAt must match format/)]);
    expect(catalogue.validate(LicenceVoided.type, { ...LicenceVoided.example, reason: 'LOST' })).toEqual([
      expect.stringMatching(/^\/reason must be equal to one of the allowed values/),
    ]);
    const { causeId: _cause, ...noCause } = LicenceVoided.example;
    expect(catalogue.validate(LicenceVoided.type, noCause)).toEqual(["/ must have required property 'causeId'"]);
  });

  it('forced-exit candidate found: keyed by the credit code, the listing dates and its reasons named', () => {
    expect(ForcedExitCandidateFound.aggregate).toBe('forced_exit');
    expect(catalogue.validate(ForcedExitCandidateFound.type, { ...ForcedExitCandidateFound.example, lastTaxFiledOn: '2027-03-01' })).toEqual([]);
    expect(catalogue.validate(ForcedExitCandidateFound.type, { ...ForcedExitCandidateFound.example, reasonCodes: ['BORED'] })).toEqual([
      expect.stringMatching(/^\/reasonCodes\/0 must be equal to one of the allowed values/),
    ]);
    const { asOf: _omit, ...noDate } = ForcedExitCandidateFound.example;
    expect(catalogue.validate(ForcedExitCandidateFound.type, noDate)).toEqual(["/ must have required property 'asOf'"]);
  });

  it('forced-exit candidate lapsed: names why, from a closed list', () => {
    expect(ForcedExitCandidateLapsed.aggregate).toBe('forced_exit');
    const { taxFiledOn: _t, ...listingEnded } = ForcedExitCandidateLapsed.example;
    expect(catalogue.validate(ForcedExitCandidateLapsed.type, { ...listingEnded, reason: 'LISTING_ENDED' })).toEqual([]);
    expect(catalogue.validate(ForcedExitCandidateLapsed.type, { ...listingEnded, reason: 'FORGIVEN' })).toEqual([expect.stringMatching(/^\/reason must be equal to one of the allowed values/)]);
    const { foundOn: _f, ...noFound } = ForcedExitCandidateLapsed.example;
    expect(catalogue.validate(ForcedExitCandidateLapsed.type, noFound)).toEqual(["/ must have required property 'foundOn'"]);
  });

  it('branch changed / deregistered: keyed by the branch, naming the parent; fields and reasons from closed lists', () => {
    expect(BranchChanged.aggregate).toBe('branch');
    expect(catalogue.validate(BranchChanged.type, { ...BranchChanged.example, changes: [{ field: 'name', before: 'a', after: 'b' }] })).toEqual([
      expect.stringMatching(/^\/changes\/0\/field must be equal to one of the allowed values/),
    ]);
    expect(catalogue.validate(BranchChanged.type, { ...BranchChanged.example, changes: [] })).toEqual(['/changes must NOT have fewer than 1 items']);
    expect(catalogue.validate(BranchDeregistered.type, { ...BranchDeregistered.example, reason: 'PARENT_DEREGISTERED' })).toEqual([]);
    expect(catalogue.validate(BranchDeregistered.type, { ...BranchDeregistered.example, reason: 'BORED' })).toEqual([expect.stringMatching(/^\/reason must be equal to one of the allowed values/)]);
  });

  it('credit repair updated / overdue: the one target registration answers for; an update says when and whether late', () => {
    expect(CreditRepairUpdated.aggregate).toBe('credit_repair');
    const { updatedAt: _u, late: _l, ...overdue } = CreditRepairUpdated.example;
    expect(catalogue.validate(CreditRepairOverdue.type, overdue)).toEqual([]);
    expect(catalogue.validate(CreditRepairUpdated.type, overdue)).toEqual(["/ must have required property 'updatedAt'", "/ must have required property 'late'"]);
    expect(catalogue.validate(CreditRepairUpdated.type, { ...CreditRepairUpdated.example, target: 'CREDIT_GUANGZHOU' })).toEqual([expect.stringMatching(/^\/target must be equal to one of the allowed values/)]);
  });

  it('permit notices (证照分离) name a scope item and a route that needs action: a cancelled permit sends none', () => {
    expect(catalogue.validate(PermitNoticeIssued.type, { ...PermitNoticeIssued.example, route: 'DIRECT_CANCEL' })).toEqual([expect.stringMatching(/^\/route must be equal to one of the allowed values/)]);
    expect(catalogue.validate(PermitNoticeIssued.type, { ...PermitNoticeIssued.example, scopeCode: '餐饮' })).toEqual([expect.stringMatching(/^\/scopeCode must match pattern/)]);
  });

  it('dormancy (歇业) events: a hardship reason from the closed list, and the last dormant day', () => {
    expect(catalogue.validate(CompanyDormancyStarted.type, { ...CompanyDormancyStarted.example, reasonCode: 'BORED' })).toEqual([expect.stringMatching(/^\/reasonCode must be equal to one of the allowed values/)]);
    const { endsOn: _e, ...noEnd } = CompanyDormancyStarted.example;
    expect(catalogue.validate(CompanyDormancyStarted.type, noEnd)).toEqual(["/ must have required property 'endsOn'"]);
  });
});
