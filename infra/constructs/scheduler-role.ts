import { aws_iam as iam, type Stack } from 'aws-cdk-lib';

/**
 * The role EventBridge Scheduler assumes to invoke one function: trusted by the scheduler service
 * of this account only (`aws:SourceAccount`); the schedule's target grants it the invoke.
 */
export function schedulerRole(stack: Stack, id: string, description: string): iam.Role {
  return new iam.Role(stack, id, {
    description,
    assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  });
}
