import { randomUUID } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type AnyHandler, lambdaContext } from './lambda-context';

/** API Gateway HTTP APIs reject bodies over 10 MB before Lambda sees them; so does this bridge. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The header the console sends locally (console/auth.js): the role the local user acts as. */
export const LOCAL_ROLE_HEADER = 'x-local-role';

/**
 * The Cognito JWT authorizer's claims for the local user, as API Gateway passes them (a list claim
 * as `[a b]`). Admin (every hromada) unless the role header says `dispatcher` (then a dispatcher of
 * the hromada in the path, as `custom:hromada_id` would make them), `brigade`, or `provider` (a
 * regional provider's dispatcher: `custom:provider_id` from a `/providers/{p}` path, no hromada).
 */
export function localClaims(actor: string, role: string | undefined, path: string): Record<string, string> {
  if (role === 'dispatcher') {
    const hromada = /^\/hromady\/([^/]+)/.exec(path)?.[1];
    return {
      sub: actor,
      'cognito:groups': '[dispatchers]',
      ...(hromada ? { 'custom:hromada_id': decodeURIComponent(hromada) } : {}),
    };
  }
  if (role === 'brigade') return { sub: actor, 'cognito:groups': '[brigade]' };
  if (role === 'provider') {
    const provider = /^\/providers\/([^/]+)/.exec(path)?.[1];
    return {
      sub: actor,
      'cognito:groups': '[dispatchers]',
      ...(provider ? { 'custom:provider_id': decodeURIComponent(provider) } : {}),
    };
  }
  return { sub: actor, 'cognito:groups': '[admins]' };
}

/** An HTTP API (payload format 2.0) event, as API Gateway builds it, from a Node request. */
export function toHttpApiEvent(req: IncomingMessage, body: Buffer, actor: string): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const now = new Date();
  const text = body.toString('utf8');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      // The Cognito JWT authorizer's claims: an admin of every hromada unless the console chose a role.
      authorizer: {
        jwt: { claims: localClaims(actor, headers[LOCAL_ROLE_HEADER], url.pathname), scopes: [] },
      },
    } as APIGatewayProxyEventV2['requestContext'],
    ...(body.length ? { body: text, isBase64Encoded: false } : { isBase64Encoded: false }),
  };
}

/** The content type of each kind of file the console is made of; no other file is served. */
const CONSOLE_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A plain file name directly in the console's folder or in its `vendor/` folder (the copied
 * libraries): letters, digits, `.`, `_`, `-`, not starting with a dot. Nothing is decoded first,
 * so `..`, `%2e%2e`, `%2f`, `\\`, absolute paths and other subfolders never match.
 */
const CONSOLE_NAME = /^(?:vendor\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The console file a raw request path names, with its content type; undefined when it names none. */
async function consoleFile(
  rawPath: string,
  dir: string,
): Promise<{ file: string; type: string } | undefined> {
  const name = rawPath === '/console/' ? 'index.html' : rawPath.slice('/console/'.length);
  const type = CONSOLE_TYPES[extname(name)];
  if (!type || !CONSOLE_NAME.test(name)) return undefined;
  try {
    // symlinks resolved: the real file must sit directly in the real folder (or vendor/)
    const sub = dirname(name) === '.' ? '' : dirname(name);
    const [folder, file] = await Promise.all([realpath(join(dir, sub)), realpath(join(dir, name))]);
    if (dirname(file) !== folder || !(await stat(file)).isFile()) return undefined;
    return { file, type };
  } catch {
    return undefined; // missing, or not readable
  }
}

/** Serves the dispatcher console's static files; true when the request was under /console. */
async function serveConsole(req: IncomingMessage, res: ServerResponse, dir: string): Promise<boolean> {
  if (req.method !== 'GET') return false;
  // the path as sent, not normalised: `/console/../x` must not become `/x`
  const rawPath = (req.url ?? '/').split(/[?#]/)[0]!;
  if (rawPath === '/console') {
    res.writeHead(301, { location: '/console/' }).end();
    return true;
  }
  if (!rawPath.startsWith('/console/')) return false;
  const found = await consoleFile(rawPath, dir);
  if (!found) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    return true;
  }
  const body = await readFile(found.file);
  res
    .writeHead(200, {
      'content-type': found.type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    })
    .end(body);
  return true;
}

/**
 * Local-only endpoints (under /_local/, keyed `METHOD /path`) that stand in for other AWS triggers.
 * A string body is sent as plain text, anything else as JSON.
 */
export type LocalRoute = (body: Buffer) => Promise<{ status: number; body: unknown }>;

/** Serve an HTTP API Lambda handler on localhost. */
export function serveHttpApi(
  handler: AnyHandler,
  options: {
    port: number;
    actor: string;
    localRoutes?: Record<string, LocalRoute>;
    /** Where the dispatcher console's files are (served under /console/). */
    consoleDir?: string;
  },
): Promise<Server> {
  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      if (body === 'too-large') {
        res
          .writeHead(413, { 'content-type': 'application/json' })
          .end('{"message":"Request Entity Too Large"}');
        return;
      }
      if (options.consoleDir && (await serveConsole(req, res, options.consoleDir))) return;
      const local = options.localRoutes?.[`${req.method} ${req.url ?? ''}`];
      if (local) {
        const out = await local(body);
        const text = typeof out.body === 'string';
        res
          .writeHead(out.status, { 'content-type': text ? 'text/plain; charset=utf-8' : 'application/json' })
          .end(text ? `${out.body}\n` : JSON.stringify(out.body));
        return;
      }
      const event = toHttpApiEvent(req, body, options.actor);
      const result = (await handler(event, lambdaContext('api'))) as APIGatewayProxyStructuredResultV2;
      const payload = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? '');
      res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>).end(payload);
    } catch {
      // Like API Gateway when the integration fails: no internals.
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Internal Server Error"}');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
  });
}
