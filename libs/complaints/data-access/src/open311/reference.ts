import { createHash } from 'node:crypto';
import type { ComplaintTemplate, TemplateAttribute } from '@one-window/complaints/domain';

/** An Open311 client known without the table (development registry): its key is stored hashed only. */
export interface Open311ClientEntry {
  readonly id: string;
  readonly name: string;
  readonly apiKeySha256: string;
  readonly jurisdictionId?: string;
}

/** The Open311 face's reference data: the published templates (services), the discovery text, the development clients. */
export interface Open311ReferenceData {
  readonly changeset: string;
  readonly contact: string;
  readonly keyService: string;
  /** `production` or `test` (discovery `endpoints[].type`). */
  readonly endpointType: 'production' | 'test';
  readonly templates: readonly ComplaintTemplate[];
  /** Clients accepted besides `open311_api_client`; development only (see OPEN311_DEV_API_KEY). */
  readonly devClients: readonly Open311ClientEntry[];
  /** Template attributes that carry caller identity: routed to `caller_personal_data`, never stored with the request. */
  readonly callerAttributes: Readonly<Record<string, 'idNumber' | 'organisation'>>;
  /** The template attribute that names the district (GB/T 2260) used by the dispatch catalogue. */
  readonly areaAttribute: string;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The development api key (documented in docs/complaints/open311.md); never valid when NODE_ENV=production. */
export const OPEN311_DEV_API_KEY = 'dev-open311-key';

const GZ_DISTRICTS = [
  ['440103', '荔湾区 Liwan'],
  ['440104', '越秀区 Yuexiu'],
  ['440105', '海珠区 Haizhu'],
  ['440106', '天河区 Tianhe'],
  ['440111', '白云区 Baiyun'],
  ['440112', '黄埔区 Huangpu'],
  ['440113', '番禺区 Panyu'],
  ['440114', '花都区 Huadu'],
  ['440115', '南沙区 Nansha'],
  ['440117', '从化区 Conghua'],
  ['440118', '增城区 Zengcheng'],
] as const;

const district = (required: boolean): TemplateAttribute => ({
  code: 'district',
  datatype: 'singlevaluelist',
  required,
  description: '所在区 District of the place concerned',
  values: GZ_DISTRICTS.map(([key, name]) => ({ key, name })),
});

/** Development templates over the dispatch catalogue's scenarios (spec §5, §7). */
export const DEV_OPEN311_REFERENCE_DATA: Open311ReferenceData = {
  changeset: '2026-01-01T00:00:00+08:00',
  contact: '广州市政务服务便民热线 12345, open311@12345.gz.gov.cn',
  keyService: 'Ask the 12345 hotline centre for an api_key (an integrator client).',
  endpointType: 'test',
  areaAttribute: 'district',
  callerAttributes: { id_number: 'idNumber', organisation: 'organisation' },
  devClients: [{ id: 'open311-dev', name: 'Open311 development client', apiKeySha256: sha256Hex(OPEN311_DEV_API_KEY), jurisdictionId: 'CN-44-01' }],
  templates: [
    {
      scenarioCode: 'HOUSING.REPAIR',
      name: '房屋及设施维修 Housing repair',
      description: 'Repairs of residential buildings and their facilities: lifts, water pipes, roofs, stairwells',
      group: '住房 Housing',
      keywords: ['lift', 'elevator', 'leak', 'repair', '电梯', '维修'],
      published: true,
      attributes: [district(true), { code: 'building', datatype: 'string', required: false, description: 'Building and unit number' }],
      realNameRequired: false,
      visibility: 'PUBLIC',
    },
    {
      scenarioCode: 'STREET.NOISE',
      name: '噪音扰民 Noise nuisance',
      description: 'Noise from construction, shops or neighbours',
      group: '城市管理 Urban management',
      keywords: ['noise', '噪音'],
      published: true,
      attributes: [district(true), { code: 'noise_at', datatype: 'datetime', required: false, description: 'When the noise occurs' }],
      realNameRequired: false,
    },
    {
      scenarioCode: 'WATER.SUPPLY',
      name: '供水问题 Water supply',
      description: 'No water, low pressure or dirty water; answered in batches by the water authority',
      group: '公用事业 Utilities',
      keywords: ['water', '停水', '水压'],
      published: true,
      serviceType: 'batch',
      requestType: 'HELP',
      attributes: [district(false)],
      realNameRequired: false,
      visibility: 'PUBLIC',
    },
    {
      scenarioCode: 'MARKET.CONSUMER',
      name: '消费投诉 Consumer complaint',
      description: 'A complaint against a merchant that needs mediation; a real name is required (002 L1497–1505)',
      group: '市场监管 Market supervision',
      keywords: ['consumer', 'refund', '消费', '退款'],
      published: true,
      requestType: 'COMPLAINT',
      nonSpatial: true,
      realNameRequired: true,
      attributes: [
        { code: 'id_number', datatype: 'string', required: true, description: '身份证号码 ID number of the complainant (kept confidential)', datatypeDescription: '18 characters' },
        { code: 'merchant', datatype: 'string', required: true, description: 'Name of the merchant' },
        { code: 'amount', datatype: 'number', required: false, description: 'Amount in dispute (CNY)' },
      ],
    },
    {
      scenarioCode: 'MARKET.HIDDEN_BARRIER',
      name: '市场准入隐性壁垒 Hidden barriers to market entry',
      description: 'Market entities report hidden barriers in approvals, tenders and access (000 L892)',
      group: '营商环境 Business environment',
      keywords: ['barrier', 'enterprise', '营商环境'],
      published: true,
      nonSpatial: true,
      realNameRequired: false,
      attributes: [],
    },
    {
      scenarioCode: 'HOUSING.LIFT_SUBSIDY',
      name: '加装电梯补贴 Lift retrofit subsidy',
      description: 'Not yet published',
      group: '住房 Housing',
      keywords: [],
      published: false,
      attributes: [],
      realNameRequired: false,
    },
  ],
};

/** Token for injecting the Open311 reference data (tests may provide another dataset). */
export const OPEN311_REFERENCE_DATA = Symbol('OPEN311_REFERENCE_DATA');
