import type { z } from 'zod';
import type { FieldError } from '../validation';
import { fieldError, isFieldErrorCode } from '../validation';

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Turns zod's issues into the field errors the API returns and the forms show. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const path = pathOf(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys)
          errors.push(fieldError(path ? `${path}.${key}` : key, 'unknownField'));
        break;
      case 'invalid_type':
        errors.push(fieldError(path, issue.input === undefined ? 'required' : 'invalidType'));
        break;
      case 'too_small':
        if (issue.origin === 'string') {
          errors.push(
            Number(issue.minimum) <= 1
              ? fieldError(path, 'required')
              : fieldError(path, 'tooShort', { min: Number(issue.minimum) }),
          );
        } else errors.push(fieldError(path, 'tooSmall', { min: Number(issue.minimum) }));
        break;
      case 'too_big':
        if (issue.origin === 'string')
          errors.push(fieldError(path, 'tooLong', { max: Number(issue.maximum) }));
        else if (issue.origin === 'array')
          errors.push(fieldError(path, 'tooMany', { max: Number(issue.maximum) }));
        else errors.push(fieldError(path, 'tooBig', { max: Number(issue.maximum) }));
        break;
      case 'invalid_value':
        errors.push(fieldError(path, 'invalidOption'));
        break;
      case 'invalid_format':
        errors.push(
          fieldError(path, isFieldErrorCode(issue.message) ? issue.message : 'invalidFormat'),
        );
        break;
      default: {
        // A custom rule may name its figures (the contrast a colour needs): kept as params.
        const params = issue.code === 'custom' && issue.params ? (issue.params as Record<string, string | number>) : {};
        errors.push(fieldError(path, isFieldErrorCode(issue.message) ? issue.message : 'invalid', params));
      }
    }
  }
  // One message per field is enough; the first is the most basic.
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.path) ? false : (seen.add(e.path), true)));
}
