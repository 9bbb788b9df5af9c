import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { parseCommandArgs } from './args.js';
import { cliContext } from './cli-context.js';
import { CliError } from './cli-error.js';
import { checkReady, DemoClient, type Caller } from './demo/demo-client.js';
import { stepRouting } from './demo/demo-calls.js';
import { setUpCreditors, stepAuditVerify, stepFound, stepRelay, stepRestriction, stepThirdParty, type DemoRun } from './demo/demo-journey.js';
import { backgroundEvents, debtorEvents, syntheticDebtor, syntheticMobile } from './demo/demo-population.js';
import { DemoReport } from './demo/demo-report.js';
import { streamEvents } from './demo/demo-stream.js';
import { mintToken } from './token-command.js';

export const demoUsage = 'recontact demo [--url http://127.0.0.1:8080] [--background N] [--token-key <private.pem>]';

const BACKGROUND_PEOPLE = 10;

/**
 * The whole flow against a running service, with synthetic people: providers stream signed
 * events, two creditors register cases, a debtor is found, reached through a relay within the
 * calling rules, a third party stays invisible, a restriction ends the relay, and the audit chain
 * verifies. Every step checks what the service answered; the first surprise stops the demo.
 */
export async function demoCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('demo', args, {
    url: { type: 'string', default: 'http://127.0.0.1:8080' },
    background: { type: 'string', default: String(BACKGROUND_PEOPLE) },
    'token-key': { type: 'string' },
  });
  if (positionals.length > 0) throw new CliError(`recontact demo: unexpected argument '${positionals[0]}'\nusage: ${demoUsage}`);
  const background = Number(values.background);
  if (!Number.isInteger(background) || background < 0 || background > 500) {
    throw new CliError('recontact demo: --background must be a whole number from 0 to 500 (example: --background 10)');
  }
  const keyFile = values['token-key'];
  if (!config.useLocalInfra && keyFile === undefined) {
    throw new CliError(
      'recontact demo: --token-key is required against external servers: the private key of a token issuer the service trusts ' +
        '(AUTH_JWT_ISSUER names it; example: --token-key /etc/recontact/idp-dev.key.pem)',
    );
  }
  const url = values.url.replace(/\/+$/, '');
  const notReady = await checkReady(url);
  if (notReady !== undefined) throw new CliError(`recontact demo: ${notReady}; start the service first (npm start) or pass --url`, 1);

  const report = new DemoReport((line) => console.log(line));
  const tokens = new Map<string, string>();
  const tokenFor = (caller: Caller) => {
    const id = `${caller.role}:${caller.creditor ?? ''}`;
    let token = tokens.get(id);
    if (token === undefined) {
      token = mintToken(config, { role: caller.role, creditor: caller.creditor, subject: `demo-${id.replace(':', '-')}`.replace(/-$/, ''), ttlSeconds: 900, keyFile, issuer: undefined, audience: undefined });
      tokens.set(id, token);
    }
    return token;
  };
  const run = randomBytes(3).toString('hex');
  const demo: DemoRun = {
    run,
    bank: `demo-bank-${run}`,
    lender: `demo-lender-${run}`,
    bankLine: syntheticMobile(),
    lost: syntheticDebtor('D1', run),
    other: syntheticDebtor('D2', run),
    caseLost: `DEMO-${run}-CASE-1`,
    caseUnknown: `DEMO-${run}-CASE-2`,
    caseOther: `DEMO-${run}-CASE-3`,
  };
  const journey = { client: new DemoClient(url, tokenFor), report, demo };
  const started = Date.now();
  console.log(`recontact demo ${run} against ${url} (${config.relay.policyProfile} profile); all people and numbers are synthetic, personal numbers are shown masked`);

  const ctx = cliContext(config);
  report.heading('-', 'providers stream signed identity updates');
  const now = new Date();
  try {
    await streamEvents(ctx, [...debtorEvents(demo.lost, run, now), ...debtorEvents(demo.other, run, now), ...backgroundEvents(background, run, now)], report);
  } finally {
    await ctx.bus.close();
  }
  await setUpCreditors(journey);
  await stepFound(journey);
  const { relayNumber } = await stepRelay(journey);
  await stepRouting(journey, relayNumber, config.relay.policyProfile, config.relay.minLinkScore);
  await stepThirdParty(journey, relayNumber);
  await stepRestriction(journey, relayNumber);
  await stepAuditVerify(journey);
  report.summary();
  console.log(`\ndemo ${run} finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
