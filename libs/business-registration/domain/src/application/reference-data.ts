/** Reference data the application rules read (admin-edited catalogues, §1 "Admin"). */

/** An entry of the standardised address database (标准地址库), §2.2. */
export interface StandardAddress {
  readonly id: string;
  /** GB/T 2260 code of the county-level division. */
  readonly divisionCode: string;
  readonly text: string;
}

/** Unified negative list (负面清单) of addresses: a hit blocks, or routes to an officer [cfg]. */
export interface NegativeListEntry {
  readonly standardAddressId: string;
  readonly effect: 'BLOCK' | 'OFFICER';
  readonly reason: string;
}

/** 证照分离 route of a permit item (001 L149–153). */
export type PermitRoute = 'CANCELLED' | 'FILING' | 'NOTIFICATION_COMMITMENT' | 'OPTIMISED_APPROVAL';

/** A business-scope catalogue item (经营范围规范表述), §2.3 [design]. */
export interface ScopeCatalogueItem {
  readonly code: string;
  readonly standardText: string;
  /** GENERAL 一般项目; PRE_APPROVAL 前置许可; POST_PERMIT 后置许可. */
  readonly category: 'GENERAL' | 'PRE_APPROVAL' | 'POST_PERMIT';
  readonly permit?: { readonly name: string; readonly authorityCode: string; readonly route: PermitRoute };
  readonly autoApprovable: boolean;
}

export interface ApplicationReferenceData {
  /** The standard addresses the form cites (the app loads them by id). */
  readonly addresses: readonly StandardAddress[];
  readonly negativeList: readonly NegativeListEntry[];
  readonly scopeCatalogue: readonly ScopeCatalogueItem[];
}

/** The contracts' permitRoute for a scope item: NONE for general items, DIRECT_CANCEL for CANCELLED. */
export function contractPermitRoute(
  item: ScopeCatalogueItem,
): 'NONE' | 'DIRECT_CANCEL' | 'FILING' | 'NOTIFICATION_COMMITMENT' | 'OPTIMISED_APPROVAL' {
  if (item.category === 'GENERAL' || !item.permit) return 'NONE';
  return item.permit.route === 'CANCELLED' ? 'DIRECT_CANCEL' : item.permit.route;
}
