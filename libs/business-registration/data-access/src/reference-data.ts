import {
  DEFAULT_AUTO_APPROVAL_RULES,
  DEFAULT_NAME_RULES,
  type ApplicationReferenceData,
  type AutoApprovalRuleSet,
  type NameRules,
  type SealMaker,
} from '@one-window/business-registration/domain';

/** A registration authority (登记机关): where names are held and applications decided. */
export interface RegistrationAuthority {
  readonly code: string;
  readonly name: string;
  /** GB/T 2260 division of the authority: positions 3–8 of the credit codes it assigns. */
  readonly divisionCode: string;
}

/** A contracted seal maker on the roster (rotation order = list order); its partner token carries `agency_id` = `id`. */
export interface SealMakerEntry extends SealMaker {
  readonly name: string;
}

/** The agency that takes a bundle part for companies whose domicile division starts with `divisionPrefix`. */
export interface BundleAgency {
  /** The partner's `agency_id` claim. */
  readonly agencyId: string;
  readonly part: 'SOCIAL_INSURANCE' | 'HOUSING_FUND';
  readonly name: string;
  readonly divisionPrefix: string;
}

/** The setup bundle's partners (§5). Banks are identified by the bank code chosen on the form (`agency_id` = bank code). */
export interface BundleReferenceData {
  /** Roster id of the rotation (one rotation per roster). */
  readonly rosterId: string;
  readonly sealMakers: readonly SealMakerEntry[];
  readonly agencies: readonly BundleAgency[];
}

/** Everything the use cases read besides the aggregates; admin-edited catalogues later [cfg]. */
export interface RegistrationReferenceData {
  readonly authorities: readonly RegistrationAuthority[];
  readonly nameRules: NameRules;
  readonly application: ApplicationReferenceData;
  readonly autoApproval: AutoApprovalRuleSet;
  readonly bundle: BundleReferenceData;
}

/**
 * A small development dataset (Guangzhou-flavoured), as code. Invented addresses; NOT official
 * lists. The name rules and auto-approval rules are the domain's defaults.
 */
export const DEV_REFERENCE_DATA: RegistrationReferenceData = {
  authorities: [
    { code: 'GZ-YX-AMR', name: '广州市越秀区市场监督管理局', divisionCode: '440104' },
    { code: 'GZ-TH-AMR', name: '广州市天河区市场监督管理局', divisionCode: '440106' },
    { code: 'GZ-NS-AMR', name: '广州市南沙区市场监督管理局', divisionCode: '440115' },
  ],
  nameRules: DEFAULT_NAME_RULES,
  autoApproval: DEFAULT_AUTO_APPROVAL_RULES,
  bundle: {
    rosterId: 'GZ',
    sealMakers: [
      { id: 'SM-GZ-001', name: '广州市示例刻章有限公司', eligible: true },
      { id: 'SM-GZ-002', name: '广州市样板印章有限公司', eligible: true },
      // the 1-hour delivery agreement is not signed: on the roster, never given an order
      { id: 'SM-GZ-003', name: '广州市未签约刻章店', eligible: false },
    ],
    agencies: [
      { agencyId: 'GZ-SI', part: 'SOCIAL_INSURANCE', name: '广州市社会保险基金管理中心', divisionPrefix: '4401' },
      { agencyId: 'GZ-HF', part: 'HOUSING_FUND', name: '广州住房公积金管理中心', divisionPrefix: '4401' },
    ],
  },
  application: {
    addresses: [
      { id: 'GZ-ADDR-0001', divisionCode: '440104', text: '广州市越秀区示例路1号' },
      { id: 'GZ-ADDR-0002', divisionCode: '440106', text: '广州市天河区示例路2号' },
      { id: 'GZ-ADDR-0003', divisionCode: '440106', text: '广州市天河区示例路3号' },
      { id: 'GZ-ADDR-0004', divisionCode: '440106', text: '广州市天河区示例路4号' },
      { id: 'GZ-ADDR-0005', divisionCode: '440115', text: '广州市南沙区示例路5号' },
    ],
    negativeList: [
      { standardAddressId: 'GZ-ADDR-0002', effect: 'BLOCK', reason: 'FAKE_ADDRESS' },
      { standardAddressId: 'GZ-ADDR-0003', effect: 'OFFICER', reason: 'CLUSTER_REGISTRATION' },
    ],
    scopeCatalogue: [
      { code: 'I6513', standardText: '软件开发', category: 'GENERAL', autoApprovable: true },
      { code: 'F5191', standardText: '日用品销售', category: 'GENERAL', autoApprovable: true },
      {
        code: 'H6210',
        standardText: '餐饮服务',
        category: 'POST_PERMIT',
        permit: { name: '食品经营许可', authorityCode: 'GZ-AMR-FOOD', route: 'NOTIFICATION_COMMITMENT' },
        autoApprovable: true,
      },
      {
        code: 'K7010',
        standardText: '危险化学品经营',
        category: 'PRE_APPROVAL',
        permit: { name: '危险化学品经营许可', authorityCode: 'GZ-SAFETY', route: 'OPTIMISED_APPROVAL' },
        autoApprovable: false,
      },
      { code: 'Z9999', standardText: '其他', category: 'GENERAL', autoApprovable: false },
    ],
  },
};

/** Token for injecting the reference data (tests may provide another dataset). */
export const REGISTRATION_REFERENCE_DATA = Symbol('REGISTRATION_REFERENCE_DATA');
