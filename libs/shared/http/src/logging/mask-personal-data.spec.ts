import fc from 'fast-check';
import { maskIdNumber, maskPersonalData, maskPhone, maskText } from './mask-personal-data';

describe('masking personal data', () => {
  it('masks an 18-character resident ID number to region + last 4', () => {
    expect(maskIdNumber('440106199001011234')).toBe('440106********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('leaves other digit runs alone', () => {
    expect(maskIdNumber('44010619900101123')).toBe('44010619900101123'); // 17 digits
    expect(maskIdNumber('4401061990010112345')).toBe('4401061990010112345'); // 19 digits
    expect(maskPhone('12812345678')).toBe('12812345678'); // no mobile prefix 12x
    expect(maskPhone('138123456789')).toBe('138123456789'); // 12 digits
  });

  it('leaves digit runs inside larger tokens alone (request ids, hashes, references)', () => {
    // A real request id that a CI run once logged as `…-d138****3736`.
    expect(maskText('c7aba2e2-2f32-4bef-90ba-d13858823736')).toBe('c7aba2e2-2f32-4bef-90ba-d13858823736');
    expect(maskPhone('ref13812345678')).toBe('ref13812345678');
    expect(maskPhone('13812345678abc')).toBe('13812345678abc');
    expect(maskIdNumber('x440106199001011234')).toBe('x440106199001011234');
    // …while punctuation, spaces and CJK text around a number still count as its edges.
    expect(maskPhone('tel:13812345678;')).toBe('tel:138****5678;');
    expect(maskPhone('手机13812345678。')).toBe('手机138****5678。');
  });

  it('never changes a UUID (property)', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => maskText(id) === id && (maskPersonalData({ requestId: id }) as { requestId: string }).requestId === id),
      { numRuns: 5000 },
    );
    // and in particular not the UUIDs whose hex digits happen to spell a mobile number
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom('a', 'd', 'f', '0'), fc.integer({ min: 3, max: 9 }), fc.nat({ max: 99_999_999 }), (id, lead, second, rest) => {
        const crafted = `${id.slice(0, 24)}${lead}1${second}${String(rest).padStart(9, '0')}`;
        return maskText(crafted) === crafted;
      }),
    );
  });

  it('masks mainland mobile numbers, with or without +86 and separators', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86138****5678');
    expect(maskPhone('call 138-1234-5678 now')).toBe('call 138****5678 now');
    expect(maskPhone('+86 199 0000 1111')).toBe('+86 199****1111');
  });

  it('masks both kinds inside free text', () => {
    expect(maskText('身份证 440106199001011234，手机 13812345678')).toBe('身份证 440106********1234，手机 138****5678');
  });

  it('deep-copies objects, arrays and errors with every string masked', () => {
    const input = {
      applicant: { idNumber: '440106199001011234', phones: ['13812345678', 15900001111] },
      note: 'ok',
      count: 3,
      err: new Error('lookup failed for 440106199001011234'),
    };
    const masked = maskPersonalData(input) as { applicant: unknown; note: string; count: number; err: { name: string; message: string } };
    expect(masked.applicant).toEqual({ idNumber: '440106********1234', phones: ['138****5678', '159****1111'] });
    expect(masked.note).toBe('ok');
    expect(masked.count).toBe(3);
    expect(masked.err.message).toBe('lookup failed for 440106********1234');
    expect(masked.err.name).toBe('Error');
    expect(input.applicant.idNumber).toBe('440106199001011234');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { phone: '13812345678' };
    a['self'] = a;
    expect(maskPersonalData(a)).toEqual({ phone: '138****5678', self: '[Circular]' });
  });
});
