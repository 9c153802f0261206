/**
 * The one error hierarchy of the platform. Use cases throw these; `shared/http/responses.ts`
 * maps them to HTTP in one place. Anything else is an internal error (500, no details echoed).
 */
export interface IssueDetail {
  /** Where in the input: zod path joined with dots, e.g. `phone` or `mobility.wheelchair`. */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Why, in words for the dispatcher (Ukrainian): shown beside the English message. */
  reason?: string;
  /**
   * A more precise stable code than the error's kind, English kebab-case (a rule's own, such as
   * `rule-quota`); clients translate codes, so a code once given never changes its meaning.
   */
  code?: string;
}

/** A stable error code: English kebab-case. */
const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export abstract class AppError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'not-found'
    | 'conflict'
    | 'forbidden'
    | 'limit'
    | 'unprocessable'
    | 'rule'
    | 'method-not-allowed';
  readonly reason?: string;
  /** Set when more precise than `kind`; read it through `code`. */
  readonly #code?: string;
  constructor(message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = new.target.name;
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.code !== undefined) {
      if (!CODE.test(options.code)) throw new TypeError(`error code ${options.code} is not kebab-case`);
      this.#code = options.code;
    }
  }
  /** The stable code of the error body (contract 3): the precise one given, else the kind. */
  get code(): string {
    return this.#code ?? this.kind;
  }
}

/** Bad input: 400 with the paths of the offending fields. */
export class ValidationError extends AppError {
  readonly kind = 'validation' as const;
  constructor(
    message: string,
    readonly issues: IssueDetail[] = [],
    options: AppErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** A missing item: 404. */
export class NotFoundError extends AppError {
  readonly kind = 'not-found' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/** No route for this method and path: 404, like a missing item. */
export class NoRouteError extends AppError {
  readonly kind = 'not-found' as const;
  constructor(method: string, path: string) {
    super(`No route for ${method} ${path}`);
  }
}

/** The path exists but not with this method: 405. */
export class MethodNotAllowedError extends AppError {
  readonly kind = 'method-not-allowed' as const;
  constructor(method: string, path: string) {
    super(`${method} is not allowed on ${path}`);
  }
}

/** A concurrent edit (stale version) or a duplicate: 409. */
export class ConflictError extends AppError {
  readonly kind = 'conflict' as const;
  constructor(
    message: string,
    readonly currentVersion?: number,
    options: AppErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** Not allowed for this caller: 403. */
export class ForbiddenError extends AppError {
  readonly kind = 'forbidden' as const;
}

/** A business limit was hit (quota, SMS cap): 422. */
export class LimitError extends AppError {
  readonly kind = 'limit' as const;
}

/**
 * Understood, but not carried out as sent: an Idempotency-Key reused for another request (another
 * body or path). 422, so a client does not take it for a concurrent edit (409).
 */
export class UnprocessableError extends AppError {
  readonly kind = 'unprocessable' as const;
}

/** The stable codes of the hromada's booking rules (shared/domain/booking-rules.ts). */
export const RULE_CODES = [
  'rule-eligibility',
  'rule-quota',
  'rule-purpose',
  'rule-horizon',
  'rule-same-day',
  'rule-fleet',
  'rule-curfew',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** The precise codes of a 409 besides `conflict` (a day already being planned). */
export const CONFLICT_CODES = ['plan-job-running'] as const;

/**
 * A booking the hromada's rules refuse: 422 with the rule's stable `code` and the Ukrainian
 * `reason` the dispatcher reads. An admin may book anyway with `override: {reason}` (audited).
 */
export class RuleRefusalError extends AppError {
  readonly kind = 'rule' as const;
  declare readonly reason: string;
  constructor(code: RuleCode, message: string, reason: string) {
    super(message, { reason, code });
  }
}

/**
 * A dependency is overloaded (DynamoDB throttling that outlasted the SDK's own retries): this call
 * changed nothing (each write is one item or one transaction), and the caller should try again
 * after `retryAfterSeconds`. 503 with `Retry-After`. Deliberately not an AppError: code that turns
 * domain refusals into outcomes (`instanceof AppError`) must not take an overload for a refusal; it
 * travels like any storage fault (a stream record is retried, a job fails and is retried).
 */
export class ServiceUnavailableError extends Error {
  readonly code = 'unavailable';
  readonly reason: string =
    'Система тимчасово перевантажена; нічого не збережено. Повторіть за кілька секунд';
  constructor(
    message: string,
    readonly retryAfterSeconds = 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
