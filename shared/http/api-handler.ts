import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AppError, ServiceUnavailableError } from '../domain/errors';
import { lambdaStack } from '../observability/lambda-stack';
import { logger } from '../observability/logger';
import { errorResponse, type HttpResult } from './responses';
import type { Router } from './router';

/**
 * The HTTP function: the shared stack, the router, and the one error mapping for everything the
 * router or a route throws (its 404/405, bad input, domain errors; anything else is a 500 that
 * echoes nothing).
 */
export function httpHandler(router: Router) {
  return lambdaStack<APIGatewayProxyEventV2, HttpResult>()
    .use({
      onError: async (request) => {
        const error = request.error;
        if (error instanceof ServiceUnavailableError) logger.warn('overloaded', { error });
        else if (!(error instanceof AppError)) logger.error('unhandled error', { error: error as Error });
        request.response = errorResponse(error, request.context.awsRequestId);
      },
    })
    .handler(async (event) => router.route(event));
}
