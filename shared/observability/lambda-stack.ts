import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './logger';
import { metrics } from './metrics';

/**
 * The one middy stack every function starts from: the Powertools logger with the Lambda context
 * (keys reset per invocation) and Powertools metrics, flushed as EMF at the end of each invocation.
 */
export function lambdaStack<TEvent, TResult>() {
  return middy<TEvent, TResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
