/**
 * HubSpot's error body (developers.hubspot.com/docs/faq/api-error-responses): `status`, `message`,
 * `correlationId`, `category`, optional `errors[{message, in?, code?}]`, `context` and
 * `subCategory`. Route handlers throw `HubSpotHttpError`; the server turns it into the response.
 */
import { randomUUID } from 'node:crypto';
import type { PropertyFailure } from '../store/property-values';

export interface ErrorDetail {
  message: string;
  in?: string;
  code?: string;
  context?: Record<string, string[]>;
}

export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
  subCategory?: string;
  errors?: ErrorDetail[];
  context?: Record<string, string[]>;
  /** Only on 429s: which limit was hit. */
  policyName?: string;
  errorType?: string;
  requestId?: string;
}

export class HubSpotHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: HubSpotErrorBody,
  ) {
    super(`${status} ${body.category}: ${body.message}`);
    this.name = 'HubSpotHttpError';
  }
}

export function errorBody(
  category: string,
  message: string,
  extra: Partial<Omit<HubSpotErrorBody, 'status' | 'message' | 'category'>> = {},
): HubSpotErrorBody {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

export function validationError(
  message: string,
  extra: Partial<Omit<HubSpotErrorBody, 'status' | 'message' | 'category'>> = {},
): HubSpotHttpError {
  return new HubSpotHttpError(400, errorBody('VALIDATION_ERROR', message, extra));
}

export function notFoundError(message: string, context?: Record<string, string[]>): HubSpotHttpError {
  return new HubSpotHttpError(404, errorBody('OBJECT_NOT_FOUND', message, context ? { context } : {}));
}

export function conflictError(message: string, context?: Record<string, string[]>): HubSpotHttpError {
  return new HubSpotHttpError(409, errorBody('OBJECT_ALREADY_EXISTS', message, context ? { context } : {}));
}

/** HubSpot's answer to a path naming an object type it does not know. */
export function unknownObjectTypeError(spelling: string): HubSpotHttpError {
  return validationError(`Unable to infer object type from: ${spelling}`);
}

/** Input over a batch or page limit, e.g. 101 batch inputs (HubSpot answers 400, whole request). */
export function limitError(what: string, size: number, max: number): HubSpotHttpError {
  return validationError(`${what} of size ${size} exceeds the maximum of ${max}`, {
    errors: [{ message: `${what} must contain at most ${max} items`, code: 'TOO_MANY_ITEMS' }],
    context: { size: [String(size)], max: [String(max)] },
  });
}

/**
 * HubSpot's "Property values were not valid" 400: the message embeds the JSON list of failed
 * properties (isValid, message, error, name); `errors` repeats them in structured form.
 */
export function propertyValidationError(failures: PropertyFailure[]): HubSpotHttpError {
  const embedded = failures.map((failure) => ({
    isValid: false,
    message: failure.message,
    error: failure.error,
    name: failure.name,
    localizedErrorMessage: failure.message,
  }));
  return validationError(`Property values were not valid: ${JSON.stringify(embedded)}`, {
    errors: failures.map((failure) => ({
      message: failure.message,
      code: failure.error,
      in: failure.name,
      context: { propertyName: [failure.name], value: [failure.value] },
    })),
  });
}
