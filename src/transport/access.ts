// Layer: transport (what every transport shares). Imports: domain.
/**
 * Who a request is: the token it presents (a bearer, or Basic auth's password, in the header
 * for HTTP or the connection_init payload for graphql-ws), or anonymous with the rights the
 * auth mode gives.
 */
import { anonymous, anonymousScopes, grants, type Actor, type AuthMode } from '../domain/access';
import { UnauthenticatedError } from '../domain/errors';
import type { TokenService } from '../domain/token-service';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const BASIC = /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i;

/**
 * The token an Authorization header presents: a bearer, or the password of Basic auth, which
 * is what Grafana's data source settings send (the user name is not looked at).
 */
function presentedToken(authorization: string): string | undefined {
  const bearer = BEARER.exec(authorization)?.[1];
  if (bearer) return bearer;
  const basic = BASIC.exec(authorization)?.[1];
  const credentials = basic === undefined ? '' : Buffer.from(basic, 'base64').toString('utf8');
  const password = credentials.slice(credentials.indexOf(':') + 1);
  return credentials.includes(':') && password !== '' ? password : undefined;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The name in a Host header ("127.0.0.1:4000", "[::1]:4000"), without port and brackets. */
function hostName(header: string): string {
  return header.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
}

export class AccessPolicy {
  constructor(
    private readonly tokens: TokenService,
    private readonly mode: AuthMode,
    private readonly loopbackOnly: boolean,
  ) {}

  async actorFor(authorization: unknown): Promise<Actor> {
    if (authorization === undefined || authorization === null || authorization === '') {
      return anonymous(await this.anonymousScopes());
    }
    const token = typeof authorization === 'string' ? presentedToken(authorization) : undefined;
    if (!token) {
      throw new UnauthenticatedError('the authorization must be "Bearer <token>", or Basic with the token as password');
    }
    return this.tokens.authenticate(token);
  }

  async anonymousScopes(): Promise<Actor['scopes']> {
    // Only the open loopback install needs to know whether a token exists.
    const tokensExist = this.mode === 'auto' && this.loopbackOnly ? await this.tokens.tokensExist() : true;
    return anonymousScopes(this.mode, { loopbackOnly: this.loopbackOnly, tokensExist });
  }

  /**
   * Whether a request for `host` (its Host header) is served. On a loopback-only server, a
   * name that is not a loopback one is a page whose DNS name was rebound to 127.0.0.1,
   * acting through a visitor's browser: it is refused whenever a caller without a token may
   * do anything here (read included). A request that brings a token is served: the page
   * has none.
   */
  async acceptsHost(host: string | undefined, authorization?: unknown): Promise<boolean> {
    if (!this.loopbackOnly || host === undefined || isLoopback(hostName(host))) return true;
    if (typeof authorization === 'string' && authorization !== '') return true;
    return (await this.anonymousScopes()).length === 0;
  }

  /** One line for the start-up log: what a request without a token may do. */
  async describe(): Promise<string> {
    const scopes = await this.anonymousScopes();
    if (grants(scopes, 'admin')) {
      return this.mode === 'off'
        ? 'auth is off (ETS_AUTH=off): anyone who can reach this server may read, write and manage tokens'
        : 'auth: open, because the server listens on loopback only and no token exists; anyone on this ' +
            'machine may read and write. Once a token exists (ets token create), writes need one';
    }
    return grants(scopes, 'read')
      ? 'auth: reads are open, writes need a token (Authorization: Bearer <token>)'
      : 'auth: reads and writes need a token (ETS_AUTH=all)';
  }
}
