import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { REPO_ROOT } from './app-function';

/** What the deployed console reads from its `config.json` (console/auth.js). */
export interface ConsoleRuntimeConfig {
  /** The API's origin, e.g. https://abc123.execute-api.eu-central-1.amazonaws.com */
  readonly apiUrl: string;
  /** The hosted UI sign-in; absent, the console has no sign-in (consoleUrl not configured yet). */
  readonly auth?: {
    /** The user pool's issuer (https://cognito-idp.<region>.amazonaws.com/<pool id>). */
    readonly authority: string;
    /** The hosted UI's base URL (https://<prefix>.auth.<region>.amazoncognito.com). */
    readonly domain: string;
    readonly clientId: string;
    /** The console's own URL: the callback and sign-out URL configured on the client. */
    readonly redirectUri: string;
  };
  /** The map's tile URL template; absent, the map draws on a plain background. */
  readonly tileUrl?: string;
}

export interface ConsoleHostingProps {
  /** The folder of the console's files (default: the repository's console/). */
  readonly sourceDir?: string;
  readonly runtimeConfig: ConsoleRuntimeConfig;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The `'sha256-…'` source of each inline import map of the page: the only inline scripts the CSP
 * allows (a browser cannot load an import map from a file). Any other inline script is refused.
 */
export function importMapHashes(indexHtml: string): string[] {
  const maps = [...indexHtml.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)];
  return maps.map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
}

/** The origin of a URL or URL template (`{z}` and the like are not part of an origin). */
const originOf = (url: string): string => new URL(url.replace(/[{}]/g, '')).origin;

/**
 * The console's Content-Security-Policy: its own files, the import map by hash, the API and the
 * hosted UI for fetches (tokens), the tile host for images; no inline script, no framing, no plugins.
 * The API and hosted-UI URLs may be CDK tokens: they are used whole, never parsed.
 */
export function consoleCsp(input: {
  indexHtml: string;
  apiOrigin: string;
  cognitoDomain?: string;
  tileUrl?: string;
}): string {
  const connect = ["'self'", input.apiOrigin, ...(input.cognitoDomain ? [input.cognitoDomain] : [])];
  const img = ["'self'", 'data:', ...(input.tileUrl ? [originOf(input.tileUrl)] : [])];
  return [
    "default-src 'none'",
    `script-src 'self' ${importMapHashes(input.indexHtml).join(' ')}`.trim(),
    "style-src 'self'",
    `img-src ${img.join(' ')}`,
    `connect-src ${connect.join(' ')}`,
    "font-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The dispatcher console on S3 behind CloudFront: a private bucket read only by the distribution
 * (Origin Access Control), HTTPS only, security headers with a strict CSP, and the console's files
 * with a generated `config.json` deployed on every `cdk deploy` (the distribution's cache invalidated).
 */
export class ConsoleHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;
  readonly deployment: s3deploy.BucketDeployment;
  /** https://<distribution domain>/ */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    const sourceDir = props.sourceDir ?? join(REPO_ROOT, 'console');
    const { runtimeConfig } = props;

    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      // only copies of console/: nothing is lost with it
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: props.removalPolicy === RemovalPolicy.DESTROY,
    });

    this.headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'hromada-dispatch console: HSTS, CSP, no sniffing, no framing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: consoleCsp({
            indexHtml: readFileSync(join(sourceDir, 'index.html'), 'utf8'),
            apiOrigin: runtimeConfig.apiUrl,
            ...(runtimeConfig.auth ? { cognitoDomain: runtimeConfig.auth.domain } : {}),
            ...(runtimeConfig.tileUrl ? { tileUrl: runtimeConfig.tileUrl } : {}),
          }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'hromada-dispatch dispatcher console',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        compress: true,
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;

    this.deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [s3deploy.Source.asset(sourceDir), s3deploy.Source.jsonData('config.json', runtimeConfig)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 256,
    });
  }
}
