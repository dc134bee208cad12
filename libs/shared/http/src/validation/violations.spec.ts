import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsEmail, IsString, ValidateNested, validate } from 'class-validator';
import { toViolations } from './violations';

class Contact {
  @IsEmail() email!: string;
}
class Person {
  @IsString() name!: string;
  @ValidateNested({ each: true }) @Type(() => Contact) contacts!: Contact[];
}
class Form {
  @ValidateNested({ each: true }) @Type(() => Person) people!: Person[];
  @ValidateNested() @Type(() => Contact) primary!: Contact;
}

async function violationsOf(plain: object) {
  const errors = await validate(plainToInstance(Form, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: true },
  });
  return toViolations(errors);
}

describe('toViolations', () => {
  it('writes paths through arrays and objects at any depth', async () => {
    const violations = await violationsOf({
      people: [{ name: 'A', contacts: [{ email: 'a@example.com' }, { email: 'nope' }] }],
      primary: { email: 'b@example.com', fax: '123' },
    });
    expect(violations).toEqual([
      { field: 'people[0].contacts[1].email', reason: 'email must be an email' },
      { field: 'primary.fax', reason: 'unknown field' },
    ]);
  });

  it('treats numeric keys of a plain object as object members, not array items', () => {
    const violations = toViolations([
      { property: 'byYear', value: { 2024: 'x' }, children: [{ property: '2024', value: 'x', constraints: { isInt: 'must be an integer' }, children: [] }] },
    ]);
    expect(violations).toEqual([{ field: 'byYear.2024', reason: 'must be an integer' }]);
  });

  it('names the root "$" when class-validator reports no property', () => {
    expect(toViolations([{ property: '', constraints: { unknownValue: 'an unknown value was passed' }, children: [] }])).toEqual([
      { field: '$', reason: 'an unknown value was passed' },
    ]);
  });
});
