import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { closingMargin, UnknownOutcomeError, withAnswerDeadline } from '../domain/answer-deadline';
import { AppError, ServiceUnavailableError } from '../domain/errors';
import { lambdaStack } from '../observability/lambda-stack';
import { logger } from '../observability/logger';
import { errorResponse, type HttpResult } from './responses';
import type { Router } from './router';

/** Middy's own timeout (a few ms before the function's end): the last resort, see below. */
function isMiddyTimeout(error: unknown): boolean {
  const e = error as { name?: string; cause?: { package?: string } } | undefined;
  return e?.name === 'TimeoutError' && e.cause?.package === '@middy/core';
}

/**
 * The HTTP function: the shared stack, the router, and the one error mapping for everything the
 * router or a route throws (its 404/405, bad input, domain errors; anything else is a 500 that
 * echoes nothing). A call still working when the function's time is nearly out, having written
 * nothing, is answered 503 "nothing saved" and may start no write afterwards
 * (domain/answer-deadline.ts); one that has written (or is writing) goes on, and only if it
 * outlasts the margin does it meet middy's timeout, a 503 whose outcome is unknown.
 */
export function httpHandler(router: Router) {
  return lambdaStack<APIGatewayProxyEventV2, HttpResult>()
    .use({
      onError: async (request) => {
        const error = isMiddyTimeout(request.error)
          ? new UnknownOutcomeError(
              'The function timed out after the call had written or while it was writing',
            )
          : request.error;
        if (error instanceof ServiceUnavailableError) logger.warn('overloaded', { error });
        else if (!(error instanceof AppError)) logger.error('unhandled error', { error: error as Error });
        request.response = errorResponse(error, request.context.awsRequestId);
      },
    })
    .handler(async (event, context: Context) => {
      const left = context.getRemainingTimeInMillis?.();
      if (left === undefined) return router.route(event);
      return withAnswerDeadline(left - closingMargin(left), () => router.route(event));
    });
}
