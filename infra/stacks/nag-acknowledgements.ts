import { type CfnElement, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { AppFunction } from '../constructs/app-function';
import type { ConnectStack } from './connect-stack';
import type { ConsoleStack } from './console-stack';
import type { StatefulStack } from './stateful-stack';
import type { StatelessStack } from './stateless-stack';

/**
 * The cdk-nag AwsSolutions findings this app keeps on purpose, each with its reason (cdk-nag 3:
 * CDK's own `Validations.acknowledge`, which replaced v2's NagSuppressions). Each is placed on the
 * narrowest construct it concerns. test/infra/cdk-nag.test.ts runs the rules on both stacks and
 * fails on any finding not acknowledged here, and on an acknowledgement without a reason.
 */
export interface NagAcknowledgement {
  readonly id: string;
  readonly reason: string;
}

export const acknowledge = (scope: IConstruct, ...rules: NagAcknowledgement[]): void => {
  for (const rule of rules) Validations.of(scope).acknowledge(rule);
};

export function acknowledgeStatefulFindings(stack: StatefulStack): void {
  acknowledge(stack.deadLetterQueue, {
    id: 'AwsSolutions-SQS3',
    reason:
      'This queue IS the dead-letter queue: of the outbox stream mapping (onFailure) and of the inbound ' +
      'SMS subscription, both in the stateless stack, which cdk-nag cannot see from here.',
  });
  acknowledge(
    stack.userPool,
    {
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is OPTIONAL (TOTP, no SMS): the hosted UI asks for TOTP where a user enrolled it, but the ' +
        'console has no TOTP enrolment step yet; ' +
        'there is no self sign-up, admins create the few dispatchers, passwords are 12+ chars with all classes.',
    },
    {
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials feature plan: the Plus plan (threat protection) is billed per active user and a ' +
        'community service of a few admin-created dispatchers without self sign-up does not justify it.',
    },
  );
}

export function acknowledgeStatelessFindings(stack: StatelessStack, stateful: StatefulStack): void {
  // The table's ARN reaches this stack as an import; cdk-nag names the finding after it. exportValue
  // returns the same export CDK creates for the automatic reference (no second output).
  const tableArn = stack.resolve(stateful.exportValue(stateful.table.tableArn)) as {
    'Fn::ImportValue': string;
  };
  acknowledge(stack.cursorSecret, {
    id: 'AwsSolutions-SMG4',
    reason:
      'Key material for sealing short-lived pagination cursors, read once per container; rotating it ' +
      'only breaks the cursors in flight, it guards no credential. Rotate by redeploying when needed.',
  });
  acknowledge(stack.airRaids.tokenSecret, {
    id: 'AwsSolutions-SMG4',
    reason:
      "The air-raid feed provider's API token, issued by the provider and put in by hand; no Lambda can " +
      'rotate it at the provider. Replace it when the provider issues a new one (docs/services/wartime.md).',
  });
  acknowledgeFunctionFindings(
    [
      stack.api,
      stack.plan,
      stack.sendSms,
      stack.remind,
      stack.inboundSms,
      stack.sweepOutbox,
      stack.generateStandingOrders,
      stack.airRaids.fn,
      ...(stack.smsReceipts ? [stack.smsReceipts.function] : []),
    ],
    tableArn['Fn::ImportValue'],
  );
  if (stack.smsReceipts) {
    for (const kind of ['phone-number', 'sender-id', 'pool']) {
      acknowledge(stack.sendSms, {
        id: `AwsSolutions-IAM5[Resource::arn:aws:sms-voice:${stack.region}:<AWS::AccountId>:${kind}/*]`,
        reason:
          'SendTextMessage names the configuration set and the origination identity it sends from; the ' +
          "hromada's sender IDs and numbers are registered by hand and may change, so the grant covers this " +
          "account's identities of that kind in this region, and the one configuration set.",
      });
    }
  }
  for (const [roleId, fn] of [
    ['ReminderSchedulerRole', stack.remind],
    ['SweepSchedulerRole', stack.sweepOutbox],
    ['StandingOrdersSchedulerRole', stack.generateStandingOrders],
    ['AirRaidSchedulerRole', stack.airRaids.fn],
  ] as const) {
    const functionLogicalId = stack.getLogicalId(fn.function.node.defaultChild as CfnElement);
    acknowledge(stack.node.findChild(roleId), {
      id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      reason:
        'EventBridge Scheduler may invoke this one function (any version or alias, as CDK grants it); ' +
        'the role is assumed only by the scheduler, for this account only.',
    });
  }
  for (const path of ['GET--health', 'GET--openapi.json']) {
    acknowledge(stack.httpApi.node.findChild(path), {
      id: 'AwsSolutions-APIG4',
      reason:
        'Public on purpose (PUBLIC_GET_PATHS): the health check and the OpenAPI description carry no ' +
        'personal data; every other route needs a Cognito JWT.',
    });
  }
}

/** The console's hosting: the static-site choices, and CDK's own BucketDeployment function. */
export function acknowledgeConsoleFindings(stack: ConsoleStack): void {
  const { hosting } = stack;
  acknowledge(hosting.bucket, {
    id: 'AwsSolutions-S1',
    reason:
      'The bucket holds only copies of console/ from git (public code, no data); it is private, read by ' +
      'CloudFront only (OAC), and written only by the deployment, so access logs would record nothing useful.',
  });
  acknowledge(
    hosting.distribution,
    {
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: dispatchers of Ukrainian hromady work from Ukraine and, displaced, from abroad; ' +
        'every call to data is signed in (Cognito) and the files themselves are the public console code.',
    },
    {
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF: the distribution serves a few static files of public code (cached, GET/HEAD only); WAF is ' +
        'billed per web ACL and rule, and the API behind the sign-in has its own throttling.',
    },
    {
      id: 'AwsSolutions-CFR3',
      reason:
        'No access logs: the files are public code and carry no personal data; the API, where data is, keeps ' +
        'JSON access logs of every call.',
    },
    {
      id: 'AwsSolutions-CFR4',
      reason:
        'The default *.cloudfront.net certificate, whose TLS floor CloudFront sets (it cannot be raised); a ' +
        'custom domain with an ACM certificate and TLSv1.2_2021 is the way up (docs/operations.md).',
    },
  );
  const deployFunction = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!deployFunction) throw new Error('the BucketDeployment function was not found');
  acknowledge(
    deployFunction,
    {
      id: 'AwsSolutions-L1',
      reason:
        "CDK's own BucketDeployment function: its runtime is chosen by aws-cdk-lib and moves with it; it " +
        'runs only during a deploy, to copy the console files.',
    },
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's BucketDeployment function: the AWS managed basic execution role, CloudWatch Logs writes only.",
    },
    ...[
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*`,
      `Resource::<${stack.getLogicalId(hosting.bucket.node.defaultChild as CfnElement)}.Arn>/*`,
      'Resource::*',
    ].map((target) => ({
      id: `AwsSolutions-IAM5[${target}]`,
      reason:
        "CDK's BucketDeployment grants: read the CDK assets bucket's staged zip, write and prune the console " +
        'bucket, and invalidate this distribution (CloudFront invalidation has no narrower resource).',
    })),
  );
}

/** The phone line's stack (`-c connect=true`): its one function, as the other functions. */
export function acknowledgeConnectFindings(stack: ConnectStack, stateful: StatefulStack): void {
  const tableArn = stack.resolve(stateful.exportValue(stateful.table.tableArn)) as {
    'Fn::ImportValue': string;
  };
  acknowledgeFunctionFindings([stack.ivr], tableArn['Fn::ImportValue']);
}

/** What every app function shares: the runtime, the basic execution role, tracing, the table grant. */
function acknowledgeFunctionFindings(functions: AppFunction[], tableImport: string): void {
  for (const fn of functions) {
    acknowledge(
      fn,
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 on purpose: package.json engines (>=22 <23), the esbuild target node22 and the local ' +
          'platform all run 22; moving to a newer runtime is a deliberate upgrade of all three together.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'The AWS managed basic execution role: CloudWatch Logs writes only, the standard for Lambda; the ' +
          "function's own log group (with retention) is created by the stack.",
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) support no resource ARN; send-sms also ' +
          'has sns:Publish to phone numbers, which has none either and is narrowed by aws:RequestedRegion.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason:
          "CDK's table grant on the table's customer managed key: the action family is needed to encrypt " +
          'items, and the resource is that one key.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        reason:
          "CDK's table grant on the table's customer managed key (ReEncryptFrom/To); the resource is that one key.",
      },
      {
        id: `AwsSolutions-IAM5[Resource::${tableImport}/index/*]`,
        reason:
          "The single table's GSIs (docs/data-model.md lists every access pattern); index names change with " +
          'the schema, so the grant covers the indexes of this one table only.',
      },
    );
  }
}
