import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for the platform (service name from POWERTOOLS_SERVICE_NAME, level from
 * POWERTOOLS_LOG_LEVEL). Never log names, addresses or unmasked phone numbers.
 */
export const logger = new Logger();
