import { DEFAULT_TIME_LIMITS, timeLimitsWith, type KnowledgePointUse, type TimeLimitId, type TimeLimitTable } from '@one-window/complaints/domain';

/** A jurisdiction (city) with its own limits (spec §0, Q13); the calendar is the service's. */
export interface Jurisdiction {
  readonly id: string;
  readonly name: string;
  /** Lengths that differ from the Guangzhou defaults, in each rule's unit. */
  readonly limitOverrides: Partial<Record<TimeLimitId, number>>;
}

/** A handling unit (承办单位): its id is the `agency_id` of its officers. */
export interface HandlingUnit {
  readonly id: string;
  readonly name: string;
}

/** One row of the dispatch catalogue: scenario × area → unit (spec §5). */
export interface DispatchRule {
  readonly scenarioCode: string;
  /** GB/T 2260 division (district) code of the place; '*' = anywhere in the jurisdiction. */
  readonly area: string;
  readonly unitId: string;
}

/** The versioned dispatch catalogue (派单目录); an agent's override needs a reason (design). */
export interface DispatchCatalogue {
  readonly version: string;
  readonly rules: readonly DispatchRule[];
}

export interface KnowledgePoint extends KnowledgePointUse {
  readonly title: string;
}

/** Everything the use cases read besides the aggregates; admin-edited catalogues later. */
export interface ComplaintsReferenceData {
  readonly defaultJurisdictionId: string;
  readonly jurisdictions: readonly Jurisdiction[];
  readonly units: readonly HandlingUnit[];
  readonly dispatchCatalogue: DispatchCatalogue;
  readonly knowledgePoints: readonly KnowledgePoint[];
}

/** Small development reference data: Guangzhou with the default limits, a few units and scenarios. */
export const DEV_REFERENCE_DATA: ComplaintsReferenceData = {
  defaultJurisdictionId: 'CN-44-01',
  jurisdictions: [
    { id: 'CN-44-01', name: '广州市 Guangzhou', limitOverrides: {} },
    { id: 'CN-44-06', name: '佛山市 Foshan', limitOverrides: {} },
  ],
  units: [
    { id: 'GZ-YX-HOUSING', name: '越秀区住房和建设局' },
    { id: 'GZ-TH-HOUSING', name: '天河区住房和建设局' },
    { id: 'GZ-YX-STREET', name: '越秀区北京街道办事处' },
    { id: 'GZ-AMR', name: '广州市市场监督管理局' },
    { id: 'GZ-WATER', name: '广州市水务局' },
    { id: 'GZ-GUIDANCE', name: '广州市政务服务和数据管理局' },
  ],
  dispatchCatalogue: {
    version: '2026.1',
    rules: [
      { scenarioCode: 'HOUSING.REPAIR', area: '440104', unitId: 'GZ-YX-HOUSING' },
      { scenarioCode: 'HOUSING.REPAIR', area: '440106', unitId: 'GZ-TH-HOUSING' },
      { scenarioCode: 'STREET.NOISE', area: '440104', unitId: 'GZ-YX-STREET' },
      { scenarioCode: 'MARKET.CONSUMER', area: '*', unitId: 'GZ-AMR' },
      { scenarioCode: 'MARKET.HIDDEN_BARRIER', area: '*', unitId: 'GZ-AMR' },
      { scenarioCode: 'WATER.SUPPLY', area: '*', unitId: 'GZ-WATER' },
    ],
  },
  knowledgePoints: [
    { id: 'kp-housing-001', title: '老旧小区加装电梯申请条件', status: 'PUBLISHED', validUntil: new Date('2027-06-30T16:00:00.000Z') },
    { id: 'kp-expired-001', title: '2025年度补贴申领', status: 'EXPIRED', validUntil: new Date('2025-12-31T16:00:00.000Z') },
  ],
};

/** Token for injecting the reference data (tests may provide another dataset). */
export const COMPLAINTS_REFERENCE_DATA = Symbol('COMPLAINTS_REFERENCE_DATA');

/** The limit table of a jurisdiction: the defaults with its overrides. */
export function limitsFor(data: ComplaintsReferenceData, jurisdictionId: string): TimeLimitTable {
  const j = data.jurisdictions.find((x) => x.id === jurisdictionId);
  return j ? timeLimitsWith(j.limitOverrides) : DEFAULT_TIME_LIMITS;
}

/** The catalogue's unit for a scenario in an area (an exact area first, then '*'), or undefined. */
export function catalogueUnit(catalogue: DispatchCatalogue, scenarioCode: string, area: string | undefined): DispatchRule | undefined {
  const rules = catalogue.rules.filter((r) => r.scenarioCode === scenarioCode);
  return (area ? rules.find((r) => r.area === area) : undefined) ?? rules.find((r) => r.area === '*');
}
