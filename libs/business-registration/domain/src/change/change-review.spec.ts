import { REFERENCE as REF } from '../application/test-fixtures';
import { reviewChange, type ChangeReviewInput } from './change-review';

const base: ChangeReviewInput = {
  entity: { status: 'ACTIVE', flags: { abnormalListed: false, underBankruptcy: false, underDeregistration: false } },
  authorityDivisionCode: '440104',
  resolutionOn: '2026-11-01',
  filedOn: '2026-11-20',
};

describe('reviewChange (变更登记, confirmation-based)', () => {
  it('passes a change that meets every rule, resolving the new domicile', () => {
    const review = reviewChange({ ...base, newDomicileId: 'GZ-ADDR-0001', newScopeCodes: ['I6513', 'H6210'] }, REF);
    expect(review).toMatchObject({ eligible: true, refused: false, failedChecks: [], domicile: { id: 'GZ-ADDR-0001', divisionCode: '440104' } });
  });

  it('30 days after the resolution is in time; the 31st is late (officer route)', () => {
    expect(reviewChange({ ...base, filedOn: '2026-12-01' }, REF).eligible).toBe(true);
    expect(reviewChange({ ...base, filedOn: '2026-12-02' }, REF)).toMatchObject({ eligible: false, refused: false, failedChecks: ['FILED_LATE'] });
  });

  it('lists every failed check at once and refuses what no officer can approve', () => {
    const review = reviewChange(
      {
        ...base,
        entity: { status: 'ACTIVE', flags: { ...base.entity.flags, abnormalListed: true } },
        newDomicileId: 'GZ-ADDR-0002',
        newScopeCodes: ['K7010', 'NOPE'],
      },
      REF,
    );
    expect(review.failedChecks).toEqual(['ABNORMAL_LISTED', 'ADDRESS_BLOCKED', 'ADDRESS_OTHER_AUTHORITY', 'SCOPE_NEEDS_OFFICER', 'SCOPE_UNKNOWN']);
    expect(review.refused).toBe(true);
  });

  it('routes a negative-list OFFICER address and a move to another district to the officers', () => {
    expect(reviewChange({ ...base, newDomicileId: 'GZ-ADDR-0003' }, REF)).toMatchObject({ refused: false, failedChecks: ['ADDRESS_NEEDS_OFFICER', 'ADDRESS_OTHER_AUTHORITY'] });
    const withTianhe = { ...REF, addresses: [...REF.addresses, { id: 'GZ-ADDR-0004', divisionCode: '440106', text: '广州市天河区示例路4号' }] };
    expect(reviewChange({ ...base, newDomicileId: 'GZ-ADDR-0004' }, withTianhe)).toMatchObject({ refused: false, failedChecks: ['ADDRESS_OTHER_AUTHORITY'] });
    expect(reviewChange({ ...base, newDomicileId: 'GZ-ADDR-9999' }, REF)).toMatchObject({ refused: true, failedChecks: ['ADDRESS_UNKNOWN'] });
  });

  it('refuses a change to an entity that is not active', () => {
    expect(reviewChange({ ...base, entity: { ...base.entity, status: 'REVOKED' } }, REF)).toMatchObject({ refused: true, failedChecks: ['ENTITY_NOT_ACTIVE'] });
  });
});
