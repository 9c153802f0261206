import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { ConsoleHosting } from '../constructs/console-hosting';
import { type DeployConfig, isDevStage } from './deploy-config';

export interface ConsoleStackProps extends StackProps {
  readonly config: DeployConfig;
  readonly httpApi: apigw.IHttpApi;
  readonly userPool: cognito.UserPool;
  readonly consoleClient: cognito.IUserPoolClient;
  /** The hosted UI's domain; absent when consoleUrl is not configured (no sign-in yet). */
  readonly userPoolDomain?: cognito.UserPoolDomain;
}

/**
 * The dispatcher console's hosting, a stack of its own: it depends on the stateful stack (the user
 * pool's client and hosted UI) and on the stateless one (the API's URL), and nothing depends on it.
 * A CloudFront distribution takes minutes to change, so code deploys of the stateless stack do not
 * wait for it, and the console's files are redeployed (`cdk deploy hromada-<stage>-console`) alone.
 */
export class ConsoleStack extends Stack {
  readonly hosting: ConsoleHosting;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { config } = props;
    const auth =
      props.userPoolDomain && config.consoleUrl
        ? {
            authority: props.userPool.userPoolProviderUrl,
            domain: props.userPoolDomain.baseUrl(),
            clientId: props.consoleClient.userPoolClientId,
            redirectUri: config.consoleUrl,
          }
        : undefined;
    this.hosting = new ConsoleHosting(this, 'Console', {
      runtimeConfig: {
        apiUrl: props.httpApi.apiEndpoint,
        ...(auth ? { auth } : {}),
        ...(config.mapTileUrl ? { tileUrl: config.mapTileUrl } : {}),
      },
      removalPolicy: isDevStage(config) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    new CfnOutput(this, 'ConsoleUrl', {
      value: this.hosting.url,
      description: 'Set consoleUrl to this (or a custom domain in front of it) to turn the sign-in on',
    });
  }
}
