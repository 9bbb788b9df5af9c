import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { Config } from '../config.js';
import { DEV_TOKEN_ISSUER, ensureAccessKeys } from '../dev-access.js';
import { pinnedAlgorithm } from '../http/auth/verification-key.js';
import { CliError } from './cli-error.js';
import { parseTokenRequest, type TokenRequest } from './token-request.js';

export { tokenUsage } from './token-request.js';

/** Prints one signed bearer token and nothing else on stdout, so `$(recontact token …)` works. */
export function tokenCommand(config: Config, args: string[]): void {
  console.log(mintToken(config, parseTokenRequest(args)));
}

/**
 * Signs with the local development key unless `--key` names another, with the issuer and audience
 * the service checks: the local one defaults to `AUTH_JWT_ISSUER` or the development issuer, just
 * as the service does on the embedded servers.
 */
export function mintToken(config: Config, request: TokenRequest): string {
  const keyFile =
    request.keyFile ?? ensureAccessKeys(join(config.localInfra.dir, 'dev')).tokenPrivateKeyFile;
  const issuer =
    request.issuer ??
    config.auth.issuer ??
    (request.keyFile === undefined ? DEV_TOKEN_ISSUER : undefined);
  if (issuer === undefined)
    throw new CliError(
      'recontact token: --issuer is required with --key (example: --issuer https://idp.example-bank.internal)',
    );
  const { key, algorithm } = signingKey(keyFile);
  const claims = {
    role: request.role,
    ...(request.creditor === undefined ? {} : { creditor: request.creditor }),
  };
  return jwt.sign(claims, key, {
    algorithm,
    issuer,
    audience: request.audience ?? config.auth.audience,
    subject: request.subject,
    expiresIn: request.ttlSeconds,
    jwtid: randomUUID(),
  });
}

function signingKey(file: string): { key: KeyObject; algorithm: 'ES256' | 'RS256' } {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `recontact token: --key ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new CliError(`recontact token: --key ${file} is not a PEM private key`);
  }
  const algorithm = pinnedAlgorithm(createPublicKey(key));
  if (typeof algorithm !== 'string' || algorithm === 'HS256') {
    throw new CliError(
      `recontact token: --key ${file} ${typeof algorithm === 'string' ? 'is not an asymmetric key' : algorithm.problem}`,
    );
  }
  return { key, algorithm };
}
