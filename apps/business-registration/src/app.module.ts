import { Module } from '@nestjs/common';
import {
  ApplicationRepository,
  CompanyRepository,
  CreditCodeSequences,
  DeregistrationRepository,
  DEV_REFERENCE_DATA,
  LicenceRepository,
  NameReservationRepository,
  NameRulesVersions,
  REGISTRATION_REFERENCE_DATA,
  SealRotationRepository,
  SetupBundleRepository,
  AnnualReportRepository,
  AbnormalListingRepository,
  TaxReturnFilingRepository,
  PremisesFilingRepository,
  BranchRepository,
  ForcedExitRepository,
  ForcedExitCandidateRepository,
  CreditRepairUpdateRepository,
  ChangeRequestRepository,
} from '@one-window/business-registration/data-access';
import { CompleteTaxPartHandler } from './complete-tax-part/complete-tax-part.handler';
import { ConfirmBankDueDiligenceController } from './confirm-bank-due-diligence/confirm-bank-due-diligence.controller';
import { ConfirmBankDueDiligenceHandler } from './confirm-bank-due-diligence/confirm-bank-due-diligence.handler';
import { DeliverSealsController } from './deliver-seals/deliver-seals.controller';
import { DeliverSealsHandler } from './deliver-seals/deliver-seals.handler';
import { GetSetupBundleController } from './get-setup-bundle/get-setup-bundle.controller';
import { GetSetupBundleHandler } from './get-setup-bundle/get-setup-bundle.handler';
import { HandOverSealsController } from './hand-over-seals/hand-over-seals.controller';
import { HandOverSealsHandler } from './hand-over-seals/hand-over-seals.handler';
import { PresetBankAccountController } from './preset-bank-account/preset-bank-account.controller';
import { PresetBankAccountHandler } from './preset-bank-account/preset-bank-account.handler';
import { ReportAgencyPartController } from './report-agency-part/report-agency-part.controller';
import { ReportAgencyPartHandler } from './report-agency-part/report-agency-part.handler';
import { SealDeliveryOverdueHandler } from './seal-delivery-overdue/seal-delivery-overdue.handler';
import { BundleEvents } from './shared/bundle-events';
import { SetupBundleDesk } from './shared/setup-bundle-desk';
import { ManageNameRulesController } from './manage-name-rules/manage-name-rules.controller';
import { ManageNameRulesHandler } from './manage-name-rules/manage-name-rules.handler';
import { ChangeCompanyController } from './change-company/change-company.controller';
import { ChangeCompanyHandler } from './change-company/change-company.handler';
import { ListChangeRequestsController, ListChangeRequestsHandler } from './list-change-requests/list-change-requests.controller';
import { GetChangeRequestController, GetChangeRequestHandler } from './get-change-request/get-change-request.controller';
import { DecideChangeRequestController } from './decide-change-request/decide-change-request.controller';
import { DecideChangeRequestHandler } from './decide-change-request/decide-change-request.handler';
import { ApplyChange } from './shared/apply-change';
import { ChangeRequestDesk } from './shared/change-request-desk';
import { RequestChangeSupplementController } from './request-change-supplement/request-change-supplement.controller';
import { RequestChangeSupplementHandler } from './request-change-supplement/request-change-supplement.handler';
import { ResubmitChangeRequestController } from './resubmit-change-request/resubmit-change-request.controller';
import { ResubmitChangeRequestHandler } from './resubmit-change-request/resubmit-change-request.handler';
import { WithdrawChangeRequestController } from './withdraw-change-request/withdraw-change-request.controller';
import { WithdrawChangeRequestHandler } from './withdraw-change-request/withdraw-change-request.handler';
import { ChangeRequestOverdueHandler } from './change-request-overdue/change-request-overdue.handler';
import { LapseChangeRequestHandler } from './lapse-change-request/lapse-change-request.handler';
import { ExtendChangeReviewController } from './extend-change-review/extend-change-review.controller';
import { ExtendChangeReviewHandler } from './extend-change-review/extend-change-review.handler';
import { AcceptApplicationController } from './accept-application/accept-application.controller';
import { AcceptApplicationHandler } from './accept-application/accept-application.handler';
import { CheckNameController } from './check-name/check-name.controller';
import { CheckNameHandler } from './check-name/check-name.handler';
import { ExpireReservationHandler } from './expire-reservation/expire-reservation.handler';
import { DecideApplicationController } from './decide-application/decide-application.controller';
import { DecideApplicationHandler } from './decide-application/decide-application.handler';
import { GetCompanyLicenceController } from './get-company-licence/get-company-licence.controller';
import { GetCompanyLicenceHandler } from './get-company-licence/get-company-licence.handler';
import { GetLicenceKeysController } from './get-licence-keys/get-licence-keys.controller';
import { GetPublicCompanyController } from './get-public-company/get-public-company.controller';
import { GetPublicCompanyHandler } from './get-public-company/get-public-company.handler';
import { GetApplicationController } from './get-application/get-application.controller';
import { GetApplicationHandler } from './get-application/get-application.handler';
import { GetReservationController } from './get-reservation/get-reservation.controller';
import { GetReservationHandler } from './get-reservation/get-reservation.handler';
import { ListApplicationsController } from './list-applications/list-applications.controller';
import { ListApplicationsHandler } from './list-applications/list-applications.handler';
import { RequestSupplementController } from './request-supplement/request-supplement.controller';
import { RequestSupplementHandler } from './request-supplement/request-supplement.handler';
import { ResubmitApplicationController } from './resubmit-application/resubmit-application.controller';
import { ResubmitApplicationHandler } from './resubmit-application/resubmit-application.handler';
import { ReserveNameController } from './reserve-name/reserve-name.controller';
import { ReserveNameHandler } from './reserve-name/reserve-name.handler';
import { ReviewOverdueHandler } from './review-overdue/review-overdue.handler';
import { ApplicationAccess } from './shared/application-access';
import { NotAcceptApplicationController } from './not-accept-application/not-accept-application.controller';
import { RejectApplicationHandler } from './not-accept-application/not-accept-application.handler';
import { ReturnApplicationController } from './return-application/return-application.controller';
import { ExtendReviewController } from './extend-review/extend-review.controller';
import { ExtendReviewHandler } from './extend-review/extend-review.handler';
import { FilePremisesController } from './file-premises/file-premises.controller';
import { FilePremisesHandler } from './file-premises/file-premises.handler';
import { RegisterBranchController } from './register-branch/register-branch.controller';
import { RegisterBranchHandler } from './register-branch/register-branch.handler';
import { ChangeBranchesController } from './change-branches/change-branches.controller';
import { ChangeBranchesHandler } from './change-branches/change-branches.handler';
import { DeregisterBranchController } from './deregister-branch/deregister-branch.controller';
import { DeregisterBranchHandler } from './deregister-branch/deregister-branch.handler';
import { BranchDesk } from './shared/branch-desk';
import { DormancyController } from './dormancy/dormancy.controller';
import { DormancyHandler } from './dormancy/dormancy.handler';
import { CreditRepairController } from './credit-repair/credit-repair.controller';
import { CreditRepairHandler } from './credit-repair/credit-repair.handler';
import { CreditRepairDueHandler } from './credit-repair/credit-repair-due.handler';
import { CreditRepairDesk } from './shared/credit-repair-desk';
import { ForcedExitCandidateLapses } from './shared/forced-exit-candidate-lapses';
import { RecordTaxNonFilingHandler } from './record-tax-non-filing/record-tax-non-filing.handler';
import { ConfirmForcedExitController } from './confirm-forced-exit/confirm-forced-exit.controller';
import { ConfirmForcedExitHandler } from './confirm-forced-exit/confirm-forced-exit.handler';
import { ObjectToForcedExitController } from './object-to-forced-exit/object-to-forced-exit.controller';
import { ObjectToForcedExitHandler } from './object-to-forced-exit/object-to-forced-exit.handler';
import { RevokeForcedExitHandler } from './revoke-forced-exit/revoke-forced-exit.handler';
import { ForcedExitDesk } from './shared/forced-exit-desk';
import { ApplicationEvents } from './shared/application-events';
import { NameHold } from './shared/name-hold';
import { LicenceIssuer } from './shared/licence-issuer';
import { LicenceSigner } from './shared/licence-signer';
import { NameIndex } from './shared/name-index';
import { RegisterCompany } from './shared/register-company';
import { SubmitApplicationController } from './submit-application/submit-application.controller';
import { SubmitApplicationHandler } from './submit-application/submit-application.handler';
import { VerifyLicenceController } from './verify-licence/verify-licence.controller';
import { VerifyLicenceHandler } from './verify-licence/verify-licence.handler';
import { WithdrawApplicationController } from './withdraw-application/withdraw-application.controller';
import { WithdrawApplicationHandler } from './withdraw-application/withdraw-application.handler';
import { ApplyDeregistrationController } from './apply-deregistration/apply-deregistration.controller';
import { ApplyDeregistrationHandler } from './apply-deregistration/apply-deregistration.handler';
import { ObjectToDeregistrationController } from './object-to-deregistration/object-to-deregistration.controller';
import { ObjectToDeregistrationHandler } from './object-to-deregistration/object-to-deregistration.handler';
import { SwitchDeregistrationRouteController } from './switch-deregistration-route/switch-deregistration-route.controller';
import { SwitchDeregistrationRouteHandler } from './switch-deregistration-route/switch-deregistration-route.handler';
import { SubmitDeregistrationController } from './submit-deregistration/submit-deregistration.controller';
import { SubmitDeregistrationHandler } from './submit-deregistration/submit-deregistration.handler';
import { DecideDeregistrationController } from './decide-deregistration/decide-deregistration.controller';
import { DecideDeregistrationHandler } from './decide-deregistration/decide-deregistration.handler';
import { ResubmitDeregistrationController } from './resubmit-deregistration/resubmit-deregistration.controller';
import { ResubmitDeregistrationHandler } from './resubmit-deregistration/resubmit-deregistration.handler';
import { ReportSocialInsuranceClearanceController } from './report-social-insurance-clearance/report-social-insurance-clearance.controller';
import { ReportSocialInsuranceClearanceHandler } from './report-social-insurance-clearance/report-social-insurance-clearance.handler';
import { GetDeregistrationController } from './get-deregistration/get-deregistration.controller';
import { GetDeregistrationHandler } from './get-deregistration/get-deregistration.handler';
import { GetDeregistrationNoticeController } from './get-deregistration-notice/get-deregistration-notice.controller';
import { GetDeregistrationNoticeHandler } from './get-deregistration-notice/get-deregistration-notice.handler';
import { EndDeregistrationNoticeHandler } from './end-deregistration-notice/end-deregistration-notice.handler';
import { LapseDeregistrationHandler } from './lapse-deregistration/lapse-deregistration.handler';
import { RecordTaxClearanceHandler } from './record-tax-clearance/record-tax-clearance.handler';
import { FollowBankruptcyCasesHandler } from './follow-bankruptcy-cases/follow-bankruptcy-cases.handler';
import { DeregistrationDesk } from './shared/deregistration-desk';

import { FileAnnualReportController } from './file-annual-report/file-annual-report.controller';
import { FileAnnualReportHandler } from './file-annual-report/file-annual-report.handler';
import { CorrectAnnualReportController } from './correct-annual-report/correct-annual-report.controller';
import { CorrectAnnualReportHandler } from './correct-annual-report/correct-annual-report.handler';
import { GetAnnualReportController } from './get-annual-report/get-annual-report.controller';
import { GetAnnualReportHandler } from './get-annual-report/get-annual-report.handler';
import { AnnualReportDeadlineHandler, AnnualReportDeadlineScheduler } from './annual-report-deadline/annual-report-deadline.handler';
import { ListAbnormalController } from './list-abnormal/list-abnormal.controller';
import { ListAbnormalHandler } from './list-abnormal/list-abnormal.handler';
import { RequestAbnormalRemovalController } from './request-abnormal-removal/request-abnormal-removal.controller';
import { RequestAbnormalRemovalHandler } from './request-abnormal-removal/request-abnormal-removal.handler';
import { DecideAbnormalRemovalController } from './decide-abnormal-removal/decide-abnormal-removal.controller';
import { DecideAbnormalRemovalHandler } from './decide-abnormal-removal/decide-abnormal-removal.handler';
import { GetAbnormalListingsController } from './get-abnormal-listings/get-abnormal-listings.controller';
import { GetAbnormalListingsHandler } from './get-abnormal-listings/get-abnormal-listings.handler';
import { ListForcedExitCandidatesController } from './list-forced-exit-candidates/list-forced-exit-candidates.controller';
import { ListForcedExitCandidatesHandler } from './list-forced-exit-candidates/list-forced-exit-candidates.handler';
import { ForcedExitNightlyHandler, ForcedExitNightlyScheduler } from './forced-exit-nightly/forced-exit-nightly.handler';
import { ForcedExitCandidates } from './shared/forced-exit-candidates';
import { RecordTaxFilingHandler } from './record-tax-filing/record-tax-filing.handler';
import { SearchPublicCompaniesController } from './search-public-companies/search-public-companies.controller';
import { SearchPublicCompaniesHandler } from './search-public-companies/search-public-companies.handler';
import { GetPublicAbnormalListController } from './get-public-abnormal-list/get-public-abnormal-list.controller';
import { GetPublicAbnormalListHandler } from './get-public-abnormal-list/get-public-abnormal-list.handler';
import { AbnormalListDesk } from './shared/abnormal-list-desk';
import { Clock } from './shared/clock';
import { MissedReportCheck } from './shared/missed-report-check';

/** The business-registration service's own controllers and use cases; the platform supplies the rest. */
@Module({
  controllers: [
    ManageNameRulesController,
    CheckNameController,
    ReserveNameController,
    GetReservationController,
    SubmitApplicationController,
    ListApplicationsController,
    GetApplicationController,
    AcceptApplicationController,
    RequestSupplementController,
    ResubmitApplicationController,
    DecideApplicationController,
    WithdrawApplicationController,
    GetLicenceKeysController,
    VerifyLicenceController,
    GetPublicCompanyController,
    GetCompanyLicenceController,
    ChangeCompanyController,
    ListChangeRequestsController,
    GetChangeRequestController,
    DecideChangeRequestController,
    RequestChangeSupplementController,
    ResubmitChangeRequestController,
    WithdrawChangeRequestController,
    ExtendChangeReviewController,
    GetSetupBundleController,
    DeliverSealsController,
    HandOverSealsController,
    PresetBankAccountController,
    ConfirmBankDueDiligenceController,
    ReportAgencyPartController,
    ApplyDeregistrationController,
    ObjectToDeregistrationController,
    SwitchDeregistrationRouteController,
    SubmitDeregistrationController,
    DecideDeregistrationController,
    ResubmitDeregistrationController,
    ReportSocialInsuranceClearanceController,
    GetDeregistrationController,
    GetDeregistrationNoticeController,
    FileAnnualReportController,
    CorrectAnnualReportController,
    GetAnnualReportController,
    ListAbnormalController,
    RequestAbnormalRemovalController,
    DecideAbnormalRemovalController,
    GetAbnormalListingsController,
    ListForcedExitCandidatesController,
    SearchPublicCompaniesController,
    GetPublicAbnormalListController,
    NotAcceptApplicationController,
    ReturnApplicationController,
    ExtendReviewController,
    FilePremisesController,
    RegisterBranchController,
    ChangeBranchesController,
    DeregisterBranchController,
    CreditRepairController,
    DormancyController,
    ConfirmForcedExitController,
    ObjectToForcedExitController,
  ],
  providers: [
    { provide: REGISTRATION_REFERENCE_DATA, useValue: DEV_REFERENCE_DATA },
    NameReservationRepository,
    NameRulesVersions,
    ManageNameRulesHandler,
    ApplicationRepository,
    CompanyRepository,
    CreditCodeSequences,
    LicenceRepository,
    LicenceSigner,
    LicenceIssuer,
    NameIndex,
    ApplicationEvents,
    ApplicationAccess,
    RegisterCompany,
    NameHold,
    CheckNameHandler,
    ReserveNameHandler,
    GetReservationHandler,
    SubmitApplicationHandler,
    GetApplicationHandler,
    ListApplicationsHandler,
    AcceptApplicationHandler,
    RequestSupplementHandler,
    ResubmitApplicationHandler,
    DecideApplicationHandler,
    WithdrawApplicationHandler,
    ExpireReservationHandler,
    ReviewOverdueHandler,
    VerifyLicenceHandler,
    GetPublicCompanyHandler,
    GetCompanyLicenceHandler,
    ChangeCompanyHandler,
    ChangeRequestRepository,
    ApplyChange,
    ListChangeRequestsHandler,
    GetChangeRequestHandler,
    DecideChangeRequestHandler,
    ChangeRequestDesk,
    RequestChangeSupplementHandler,
    ResubmitChangeRequestHandler,
    WithdrawChangeRequestHandler,
    ChangeRequestOverdueHandler,
    LapseChangeRequestHandler,
    ExtendChangeReviewHandler,
    SetupBundleRepository,
    SealRotationRepository,
    BundleEvents,
    SetupBundleDesk,
    GetSetupBundleHandler,
    DeliverSealsHandler,
    HandOverSealsHandler,
    PresetBankAccountHandler,
    ConfirmBankDueDiligenceHandler,
    ReportAgencyPartHandler,
    SealDeliveryOverdueHandler,
    CompleteTaxPartHandler,
    DeregistrationRepository,
    DeregistrationDesk,
    BranchDesk,
    CreditRepairDesk,
    DormancyHandler,
    ForcedExitCandidateLapses,
    RecordTaxNonFilingHandler,
    CreditRepairHandler,
    CreditRepairDueHandler,
    ApplyDeregistrationHandler,
    ObjectToDeregistrationHandler,
    SwitchDeregistrationRouteHandler,
    SubmitDeregistrationHandler,
    DecideDeregistrationHandler,
    ResubmitDeregistrationHandler,
    ReportSocialInsuranceClearanceHandler,
    GetDeregistrationHandler,
    GetDeregistrationNoticeHandler,
    EndDeregistrationNoticeHandler,
    LapseDeregistrationHandler,
    RecordTaxClearanceHandler,
    FollowBankruptcyCasesHandler,
    Clock,
    AnnualReportRepository,
    AbnormalListingRepository,
    TaxReturnFilingRepository,
    AbnormalListDesk,
    MissedReportCheck,
    FileAnnualReportHandler,
    CorrectAnnualReportHandler,
    GetAnnualReportHandler,
    AnnualReportDeadlineHandler,
    AnnualReportDeadlineScheduler,
    ListAbnormalHandler,
    RequestAbnormalRemovalHandler,
    DecideAbnormalRemovalHandler,
    GetAbnormalListingsHandler,
    ListForcedExitCandidatesHandler,
    ForcedExitCandidates,
    ForcedExitCandidateRepository,
    CreditRepairUpdateRepository,
    ForcedExitNightlyHandler,
    ForcedExitNightlyScheduler,
    RecordTaxFilingHandler,
    SearchPublicCompaniesHandler,
    GetPublicAbnormalListHandler,
    RejectApplicationHandler,
    ExtendReviewHandler,
    PremisesFilingRepository,
    BranchRepository,
    ForcedExitRepository,
    FilePremisesHandler,
    RegisterBranchHandler,
    ChangeBranchesHandler,
    DeregisterBranchHandler,
    ForcedExitDesk,
    ConfirmForcedExitHandler,
    ObjectToForcedExitHandler,
    RevokeForcedExitHandler,
  ],
  exports: [CompanyRepository],
})
export class AppModule {}
