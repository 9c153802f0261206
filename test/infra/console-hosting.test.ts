import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/constructs/app-function';
import { consoleCsp, importMapHashes } from '../../infra/constructs/console-hosting';
import { synthStacks } from './helpers';

const SIGNED_IN = {
  stage: 'prod',
  consoleUrl: 'https://console.example.org/',
  cognitoDomainPrefix: 'khm-dispatch',
  mapTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
};
const synth = synthStacks(SIGNED_IN);
const hosting = Template.fromStack(synth.console);
const only = <T>(resources: Record<string, T>): T => {
  const values = Object.values(resources);
  expect(values).toHaveLength(1);
  return values[0]!;
};
type Props = { Properties: Record<string, unknown> };
/** The value at a path of property names in a CloudFormation resource's JSON. */
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);

describe('console hosting: the bucket', () => {
  it('is private: all public access blocked, no website hosting, bucket-owner objects', () => {
    const bucket = only(hosting.findResources('AWS::S3::Bucket')) as Props;
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
  });

  it('refuses plain HTTP and lets only this distribution read it (OAC, not OAI)', () => {
    hosting.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
    hosting.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    hosting.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
  });
});

describe('console hosting: the distribution', () => {
  const distribution = only(hosting.findResources('AWS::CloudFront::Distribution')) as Props;
  const config = at(distribution.Properties, 'DistributionConfig') as {
    DefaultRootObject: string;
    DefaultCacheBehavior: Record<string, unknown>;
    Origins: Record<string, unknown>[];
  };

  it('redirects HTTP to HTTPS, serves index.html at the root, reads the bucket through OAC', () => {
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(config.Origins).toHaveLength(1);
    expect(config.Origins[0]!.OriginAccessControlId).toBeDefined();
    expect(config.Origins[0]!.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined();
  });

  it('sends HSTS, nosniff, frame options DENY, no referrer and a CSP', () => {
    hosting.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
        }),
      },
    });
  });

  it("the CSP allows the API (from the stateless stack), the hosted UI, the tile host and the import map's hash only", () => {
    const policy = only(hosting.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as Props;
    const csp = JSON.stringify(
      at(
        policy.Properties,
        'ResponseHeadersPolicyConfig',
        'SecurityHeadersConfig',
        'ContentSecurityPolicy',
        'ContentSecurityPolicy',
      ),
    );
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/connect-src 'self' .*Fn::ImportValue.*hromada-prod-stateless.*HttpApi/);
    expect(csp).toContain('.auth.');
    const indexHtml = readFileSync(join(REPO_ROOT, 'console/index.html'), 'utf8');
    const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(indexHtml)![1]!;
    expect(csp).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(map).digest('base64')}'`);
  });

  it('deploys console/ and a generated config.json, then invalidates the cache', () => {
    const deployment = only(hosting.findResources('Custom::CDKBucketDeployment')) as Props;
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    expect(deployment.Properties.DistributionPaths).toEqual(['/*']);
    expect(deployment.Properties.Prune).toBe(true);
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    expect(markers).toContain('HttpApi'); // apiUrl
    expect(markers).toContain('ConsoleClient'); // auth.clientId
    expect(markers).toContain('UserPool'); // auth.authority
  });

  it('names the console URL in an output', () => {
    hosting.hasOutput('ConsoleUrl', {});
  });
});

describe('sign-in: the console client and the hosted UI', () => {
  it('the console client is public (no secret), code grant only, back to the configured console URL', () => {
    synth.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'web-console',
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid']),
      CallbackURLs: ['https://console.example.org/'],
      LogoutURLs: ['https://console.example.org/'],
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  it('the hosted UI has the configured domain prefix; the groups include brigade', () => {
    synth.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'khm-dispatch' });
    for (const group of ['admins', 'dispatchers', 'brigade'])
      synth.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
  });

  it("the API's CORS allows the console's origin only", () => {
    synth.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://console.example.org'] }),
    });
  });

  it('without consoleUrl: no hosted UI, no OAuth on the client, no auth in config.json', () => {
    const bare = synthStacks({ stage: 'prod', consoleOrigins: 'https://c.example.org' });
    bare.statefulTemplate.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
    bare.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: false,
    });
    bare.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://c.example.org'] }),
    });
    const deployment = only(
      Template.fromStack(bare.console).findResources('Custom::CDKBucketDeployment'),
    ) as Props;
    expect(JSON.stringify(deployment.Properties.SourceMarkers)).not.toContain('ConsoleClient');
  });
});

describe('the CSP, as a function', () => {
  const indexHtml = '<script type="importmap">{"imports":{}}</script><script type="module" src="app.js">';
  it('hashes each import map and allows no other inline script', () => {
    expect(importMapHashes(indexHtml)).toEqual([
      `'sha256-${createHash('sha256').update('{"imports":{}}').digest('base64')}'`,
    ]);
    const csp = consoleCsp({ indexHtml, apiOrigin: 'https://api.example.org' });
    expect(csp).toMatch(/^default-src 'none'; script-src 'self' 'sha256-[^']+'; style-src 'self'; /);
    expect(csp).toContain("connect-src 'self' https://api.example.org;");
    expect(csp).toContain("img-src 'self' data:;");
  });

  it("takes a tile template's origin, not its path", () => {
    const csp = consoleCsp({
      indexHtml,
      apiOrigin: 'https://api.example.org',
      cognitoDomain: 'https://khm.auth.eu-central-1.amazoncognito.com',
      tileUrl: 'https://tiles.example.org:8443/osm/{z}/{x}/{y}.png',
    });
    expect(csp).toContain("img-src 'self' data: https://tiles.example.org:8443;");
    expect(csp).toContain(
      "connect-src 'self' https://api.example.org https://khm.auth.eu-central-1.amazoncognito.com;",
    );
  });
});
