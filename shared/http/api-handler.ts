import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { AppError } from '../domain/errors';
import { logger } from '../observability/logger';
import { errorResponse, type HttpResult } from './responses';
import type { Router } from './router';

/**
 * The middy stack every HTTP function shares: Powertools logging context, the router, and the
 * one error mapping (domain errors to 4xx, anything else to a 500 that echoes nothing).
 */
export function httpHandler(router: Router) {
  return middy<APIGatewayProxyEventV2, HttpResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({
      onError: async (request) => {
        const error = request.error;
        if (!(error instanceof AppError)) logger.error('unhandled error', { error: error as Error });
        request.response = errorResponse(error, request.context.awsRequestId);
      },
    })
    .handler(async (event) => router.route(event));
}
