import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../shared/adapters/dynamodb/table';
import { resourcesOfType, synthStacks } from './helpers';

const dev = synthStacks();
const prod = synthStacks({ stage: 'prod', consoleOrigins: 'https://console.example.org' });

describe('stateful stack: the single table', () => {
  const template = dev.statefulTemplate;

  it('has pk/sk string keys, on-demand billing and two GSIs projecting ALL', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith(
        ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
      ),
      GlobalSecondaryIndexes: [1, 2].map((n) => ({
        IndexName: `gsi${n}`,
        KeySchema: [
          { AttributeName: `gsi${n}pk`, KeyType: 'HASH' },
          { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('is the same table DynamoDB Local gets: keys, indexes and stream from one definition', () => {
    const local = tableDefinition('t');
    const cdk = Object.values(resourcesOfType(template, 'AWS::DynamoDB::GlobalTable'))[0]!.Properties;
    expect(cdk.KeySchema).toEqual(local.KeySchema);
    expect(cdk.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(new Set(cdk.AttributeDefinitions as unknown[])).toEqual(new Set(local.AttributeDefinitions));
    expect((cdk.StreamSpecification as { StreamViewType: string }).StreamViewType).toBe(
      local.StreamSpecification?.StreamViewType,
    );
  });

  it('has TTL on expiresAt, a NEW_AND_OLD_IMAGES stream, PITR and the customer-managed key', () => {
    const keyId = Object.keys(template.findResources('AWS::KMS::Key'))[0]!;
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
        }),
      ],
    });
  });

  it('uses one customer-managed key with rotation, also for the DLQ and the ops topic', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    const keyId = Object.keys(template.findResources('AWS::KMS::Key'))[0]!;
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    // CloudWatch alarms can only publish to a CMK-encrypted topic if the key policy lets them.
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });

  it('is destroyable in dev, retained and deletion-protected elsewhere', () => {
    dev.statefulTemplate.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })] }),
    });
    for (const type of [
      'AWS::DynamoDB::GlobalTable',
      'AWS::KMS::Key',
      'AWS::SQS::Queue',
      'AWS::Cognito::UserPool',
    ]) {
      prod.statefulTemplate.hasResource(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
    prod.statefulTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
    prod.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
    expect(prod.stateful.terminationProtection).toBe(true);
    expect(dev.stateful.terminationProtection).toBe(false);
  });
});

describe('stateful stack: users', () => {
  const template = dev.statefulTemplate;

  it('has an admin-created-only user pool with a strong password policy', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: Match.anyValue(),
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0]!;
    expect(pool.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('has the dispatchers and admins groups and a public (secret-less) console client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'dispatchers' });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admins' });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'hromada-admins' });
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    // Inbound SMS topic: encrypted with the CMK, End User Messaging may publish, and may use the key.
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'EndUserMessagingPublishesReplies',
            Principal: { Service: 'sms-voice.amazonaws.com' },
          }),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'AllowEndUserMessagingToPublishToInboundTopic' }),
          Match.objectLike({ Sid: 'AllowSnsToDeadLetterIntoEncryptedQueue' }),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'hromada_id', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'provider_id', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
    // A dispatcher cannot change the hromada they are allowed to act in.
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0]!;
    expect(client.Properties.WriteAttributes).toEqual(['email']);
    expect(client.Properties.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:hromada_id', 'custom:provider_id']),
    );
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});
