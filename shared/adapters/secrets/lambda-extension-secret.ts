/**
 * A Secrets Manager secret read through the AWS Parameters and Secrets Lambda Extension (a layer
 * the CDK stack adds): a GET on localhost, authenticated with the function's session token, no
 * SDK client in the bundle. The extension is not ready during init, so read on first use.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-secrets-manager.html
 */
export function secretFromLambdaExtension(
  secretId: string,
  env: NodeJS.ProcessEnv = process.env,
  /** Shortest acceptable value (a cursor key: 32; an API key: less). */
  minLength = 32,
): () => Promise<string> {
  return async () => {
    const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
    const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
    const res = await fetch(url, {
      headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
    });
    if (!res.ok) throw new Error(`Reading secret ${secretId}: the extension answered ${res.status}`);
    const body = (await res.json()) as { SecretString?: unknown };
    if (typeof body.SecretString !== 'string' || body.SecretString.length < minLength) {
      throw new Error(`Secret ${secretId} holds no string of at least ${minLength} characters`);
    }
    return body.SecretString;
  };
}
