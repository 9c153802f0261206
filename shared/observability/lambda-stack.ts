import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './logger';

/**
 * The one middy stack every function starts from: the Powertools logger with the Lambda
 * context (keys reset per invocation). Tracer and metrics join here, once, for all five.
 */
export function lambdaStack<TEvent, TResult>() {
  return middy<TEvent, TResult, Error, Context>().use(injectLambdaContext(logger, { resetKeys: true }));
}
