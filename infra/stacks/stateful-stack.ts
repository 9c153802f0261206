import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../shared/adapters/dynamodb/table-schema';
import { type DeployConfig, isDevStage } from './deploy-config';

export interface StatefulStackProps extends StackProps {
  readonly config: DeployConfig;
}

/**
 * Everything that holds data or identity and must outlive a redeploy of the code: the table and its
 * key, the dead-letter queue, the user pool, the ops topic. Outside `dev` it is retained on delete and
 * protected against deletion.
 */
export class StatefulStack extends Stack {
  readonly key: kms.Key;
  readonly table: dynamodb.TableV2;
  readonly deadLetterQueue: sqs.Queue;
  readonly opsTopic: sns.Topic;
  readonly inboundSmsTopic: sns.Topic;
  /** Delivery receipts of End User Messaging SMS (its configuration set's event destination). */
  readonly smsReceiptsTopic: sns.Topic;
  readonly userPool: cognito.UserPool;
  readonly consoleClient: cognito.UserPoolClient;
  /** The hosted UI's domain (only with consoleUrl: the console's sign-in). */
  readonly userPoolDomain?: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const dev = isDevStage(config);
    const removalPolicy = dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.key = new kms.Key(this, 'DataKey', {
      description: `hromada-dispatch ${config.stage}: table, dead-letter queue and ops topic`,
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow: Duration.days(dev ? 7 : 30),
    });
    // CloudWatch alarms publish to the encrypted ops topic; the AWS-managed SNS key would not allow it.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseKeyForOpsTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: dynamodb.AttributeType.STRING },
      globalSecondaryIndexes: Object.entries(TABLE_SCHEMA.indexes).map(([name, gsi]) => ({
        indexName: name,
        partitionKey: { name: gsi.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE_SCHEMA.ttlAttribute,
      dynamoStream: dynamodb.StreamViewType[TABLE_SCHEMA.streamView],
      deletionProtection: !dev,
      removalPolicy,
    });

    this.deadLetterQueue = new sqs.Queue(this, 'StreamDeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      dataKeyReuse: Duration.hours(1),
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      removalPolicy,
    });

    this.opsTopic = new sns.Topic(this, 'OpsTopic', {
      displayName: `hromada-dispatch ${config.stage} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    // Two-way SMS: AWS End User Messaging publishes replies to the long code here.
    this.inboundSmsTopic = new sns.Topic(this, 'InboundSmsTopic', {
      displayName: `hromada-dispatch ${config.stage} inbound SMS`,
      masterKey: this.key,
      enforceSSL: true,
    });
    const smsVoice = new iam.ServicePrincipal('sms-voice.amazonaws.com');
    this.inboundSmsTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'EndUserMessagingPublishesReplies',
        principals: [smsVoice],
        actions: ['sns:Publish'],
        resources: [this.inboundSmsTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.smsReceiptsTopic = new sns.Topic(this, 'SmsReceiptsTopic', {
      displayName: `hromada-dispatch ${config.stage} SMS delivery receipts`,
      masterKey: this.key,
      enforceSSL: true,
    });
    this.smsReceiptsTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'EndUserMessagingPublishesReceipts',
        principals: [smsVoice],
        actions: ['sns:Publish'],
        resources: [this.smsReceiptsTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowEndUserMessagingToPublishToInboundTopic',
        principals: [smsVoice],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    // SNS dead-letters undeliverable inbound notifications into the (encrypted) DLQ.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSnsToDeadLetterIntoEncryptedQueue',
        principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    new CfnOutput(this, 'InboundSmsTopicArn', { value: this.inboundSmsTopic.topicArn });
    new CfnOutput(this, 'SmsReceiptsTopicArn', { value: this.smsReceiptsTopic.topicArn });
    if (config.alarmEmail !== undefined) {
      this.opsTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    }

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `hromada-${config.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // The hromada a dispatcher works for; the API lets dispatchers act only there.
      // Set by an admin (AdminUpdateUserAttributes); the console client cannot write it.
      // provider_id: the provider (УСЗН, ЦСС…) a dispatcher works for; it alone may read the address of
      // a confidential case that provider serves (docs/services/mobile-brigade.md).
      customAttributes: {
        hromada_id: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        provider_id: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: !dev,
      removalPolicy,
    });
    this.userPool.addGroup('Dispatchers', {
      groupName: 'dispatchers',
      description: 'Dispatchers: take calls, book and plan rides',
      precedence: 10,
    });
    this.userPool.addGroup('Admins', {
      groupName: 'admins',
      description: 'Administrators of the hromada: users, services, settings',
      precedence: 1,
    });
    this.userPool.addGroup('Brigade', {
      groupName: 'brigade',
      description: 'Mobile brigade members: read their own visits',
      precedence: 20,
    });
    // a hromada's own administrators (custom:hromada_id): record its consent to a regional provider
    this.userPool.addGroup('HromadaAdmins', {
      groupName: 'hromada-admins',
      description: "A hromada's own administrators: its agreements with regional providers",
      precedence: 5,
    });
    // The console signs in through the hosted UI: authorization code with PKCE (a public client,
    // no secret), back to the console's own URL. Without consoleUrl the client stays OAuth-less.
    const { consoleUrl, cognitoDomainPrefix } = config;
    const hostedUi = consoleUrl !== undefined && cognitoDomainPrefix !== undefined;
    if (hostedUi) {
      this.userPoolDomain = this.userPool.addDomain('HostedUi', {
        cognitoDomain: { domainPrefix: cognitoDomainPrefix },
        managedLoginVersion: cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI,
      });
    }
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'web-console',
      generateSecret: false,
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true })
        .withCustomAttributes('hromada_id', 'provider_id'),
      // Users may not move themselves to another hromada.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
      authFlows: { userSrp: true },
      ...(hostedUi
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
              callbackUrls: [consoleUrl],
              logoutUrls: [consoleUrl],
            },
            supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
          }
        : { disableOAuth: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'ConsoleClientId', { value: this.consoleClient.userPoolClientId });
    if (this.userPoolDomain) new CfnOutput(this, 'HostedUiDomain', { value: this.userPoolDomain.baseUrl() });
    new CfnOutput(this, 'OpsTopicArn', { value: this.opsTopic.topicArn });
  }
}
