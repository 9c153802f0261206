import { serviceRequestCreateSchema } from '../../shared/domain/entities/service-request';
import { hromadaKind, parseFields, parsePatch } from '../../shared/domain/registry';
import { parseOrThrow } from '../../shared/domain/validation';

/**
 * Use cases take their input parsed (the routes parse bodies with their declared schemas); tests
 * that call a use case directly parse their literal bodies the same way.
 */
export const bookingOf = (raw: unknown) => parseOrThrow(serviceRequestCreateSchema, raw, 'service request');
export const hromadaOf = (raw: unknown) => parseFields(hromadaKind, raw);
export { parseFields as fieldsOf, parsePatch as patchOf };
