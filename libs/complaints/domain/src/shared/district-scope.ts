/**
 * The scope of a hotline agent (spec §1): the city centre (热线中心, `hotline-agent` without a district)
 * or a district hotline body (区热线工作机构, `hotline-agent` scoped to `district:<id>`, 002 L1459).
 *
 * A ticket's district is the GB/T 2260 district code of the place concerned (the submission's
 * `area`, fixed on the ticket at registration). The centre sees and acts on every ticket; a district
 * body only on the tickets of its district (a ticket with no known district is the centre's), and it
 * dispatches only to the units of its district: the units the dispatch catalogue names for that
 * district's own code (scenario × area → unit, spec §5). City-wide rows (`'*'`) name city units, which
 * are not a district's: such tickets are routed by the centre.
 */
export type HotlineScope = { readonly level: 'centre' } | { readonly level: 'district'; readonly district: string };

/** The scope of a hotline agent from its district binding (the token's `district` claim), if any. */
export function hotlineScope(district: string | undefined): HotlineScope {
  return district ? { level: 'district', district } : { level: 'centre' };
}

/** Whether a ticket of district `ticketDistrict` (null/undefined: unknown) is within `scope`. */
export function inHotlineScope(scope: HotlineScope, ticketDistrict: string | null | undefined): boolean {
  return scope.level === 'centre' || (!!ticketDistrict && ticketDistrict === scope.district);
}

/** One row of the dispatch catalogue as far as districts go: the area and the unit it names. */
export interface AreaUnit {
  readonly area: string;
  readonly unitId: string;
}

/** The units of a district: those the dispatch catalogue names for exactly that district code. */
export function unitsOfDistrict(rules: readonly AreaUnit[], district: string): string[] {
  return [...new Set(rules.filter((r) => r.area === district).map((r) => r.unitId))];
}

/** Why a dispatch falls outside the scope, naming the request field concerned. */
export interface DistrictRefusal {
  readonly field: 'area' | 'unitId';
  readonly reason: string;
}

/**
 * Whether `scope` may dispatch a ticket to `unitId` for the place `area` (the area the dispatch
 * uses, if given). The centre may dispatch anywhere; a district body only within its district
 * (area, when given, its own district; unit one of its district's units). Undefined: allowed.
 */
export function districtDispatchRefusal(scope: HotlineScope, dispatch: { readonly area?: string; readonly unitId?: string }, rules: readonly AreaUnit[]): DistrictRefusal | undefined {
  if (scope.level === 'centre') return undefined;
  if (dispatch.area !== undefined && dispatch.area !== scope.district) {
    return { field: 'area', reason: `${dispatch.area} is outside district ${scope.district}` };
  }
  if (dispatch.unitId !== undefined && !unitsOfDistrict(rules, scope.district).includes(dispatch.unitId)) {
    return { field: 'unitId', reason: `${dispatch.unitId} is not a unit of district ${scope.district}` };
  }
  return undefined;
}
