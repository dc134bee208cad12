import { districtDispatchRefusal, hotlineScope, inHotlineScope, unitsOfDistrict } from './district-scope';

const RULES = [
  { area: '440104', unitId: 'GZ-YX-HOUSING' },
  { area: '440106', unitId: 'GZ-TH-HOUSING' },
  { area: '440104', unitId: 'GZ-YX-STREET' },
  { area: '*', unitId: 'GZ-AMR' },
];

describe('hotline scope: the centre and a district hotline body', () => {
  const centre = hotlineScope(undefined);
  const yuexiu = hotlineScope('440104');

  it('no district is the centre; a district binds the scope', () => {
    expect(centre).toEqual({ level: 'centre' });
    expect(yuexiu).toEqual({ level: 'district', district: '440104' });
  });

  it('the centre sees every ticket; a district body its district only, never a ticket of unknown district', () => {
    expect([inHotlineScope(centre, '440104'), inHotlineScope(centre, '440106'), inHotlineScope(centre, undefined)]).toEqual([true, true, true]);
    expect([inHotlineScope(yuexiu, '440104'), inHotlineScope(yuexiu, '440106'), inHotlineScope(yuexiu, null), inHotlineScope(yuexiu, undefined)]).toEqual([true, false, false, false]);
  });

  it('the units of a district are those the catalogue names for its own code (not the city-wide rows)', () => {
    expect(unitsOfDistrict(RULES, '440104')).toEqual(['GZ-YX-HOUSING', 'GZ-YX-STREET']);
    expect(unitsOfDistrict(RULES, '440106')).toEqual(['GZ-TH-HOUSING']);
    expect(unitsOfDistrict(RULES, '440111')).toEqual([]);
  });

  it('a district body dispatches to its district\u2019s units and area only, naming the field otherwise; the centre anywhere', () => {
    expect(districtDispatchRefusal(yuexiu, { unitId: 'GZ-YX-STREET' }, RULES)).toBeUndefined();
    expect(districtDispatchRefusal(yuexiu, { area: '440104', unitId: 'GZ-YX-HOUSING' }, RULES)).toBeUndefined();
    expect(districtDispatchRefusal(yuexiu, { unitId: 'GZ-TH-HOUSING' }, RULES)).toEqual({ field: 'unitId', reason: 'GZ-TH-HOUSING is not a unit of district 440104' });
    expect(districtDispatchRefusal(yuexiu, { unitId: 'GZ-AMR' }, RULES)?.field).toBe('unitId');
    expect(districtDispatchRefusal(yuexiu, { area: '440106', unitId: 'GZ-YX-HOUSING' }, RULES)).toEqual({ field: 'area', reason: '440106 is outside district 440104' });
    expect(districtDispatchRefusal(centre, { area: '440106', unitId: 'GZ-TH-HOUSING' }, RULES)).toBeUndefined();
    expect(districtDispatchRefusal(centre, { unitId: 'GZ-AMR' }, RULES)).toBeUndefined();
  });
});
