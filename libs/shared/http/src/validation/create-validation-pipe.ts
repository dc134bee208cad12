import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { toViolations } from './violations';
import { validationProblem } from './validation-problem';

/**
 * The global ValidationPipe: strips nothing silently (unknown fields are errors), transforms to
 * DTO instances, never converts types implicitly (a string where a number is declared is an
 * error; query DTOs use `@Type(() => Number)`), and throws a 400 `validation-error` problem.
 */
export function createValidationPipe(overrides: ValidationPipeOptions = {}): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // value stays on the errors (never sent) so toViolations can tell array items from object keys
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationProblem(toViolations(errors)),
    ...overrides,
  });
}
