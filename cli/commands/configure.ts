import type { Command } from 'commander';
import path from 'node:path';
import { KeystoneError } from '../../src/engine/errors';
import {
  listHsProfiles,
  writeHsProfile,
  hsProfileFilename,
  PROFILE_VARIABLES,
  publicUrlsFor,
  SERVE_PATHS,
  type EndpointTarget,
  type HsProfile,
} from '../../src/engine/incremental';
import type { CliIo } from '../output';

type ConfigureFlags = {
  profile: string;
  account: string;
  target: string;
  baseUrl: string;
  supportEmail: string;
  supportUrl: string;
  documentationUrl?: string;
  supportPhone: string;
  srcDir: string;
  json?: boolean;
};

/** `app-hsmeta.json`'s `permittedUrls.fetch`. */
export const FETCH_URL_VARIABLE = 'KEYSTONE_FETCH_URL';
/** kam serve's public base URL, for the UI's hubspot.fetch transport (read by scripts/build-app.ts). */
export const SERVE_URL_VARIABLE = 'KEYSTONE_SERVE_URL';
const HUBSPOT_API_URL = 'https://api.hubapi.com';
const serveBase = (webhookUrl: string): string => webhookUrl.slice(0, -SERVE_PATHS.webhook.length);

/** The project profile for one portal, from the flags; every value checked. */
export function profileFromFlags(flags: ConfigureFlags): HsProfile {
  const accountId = Number(flags.account);
  if (!/^\d{1,12}$/.test(flags.account) || accountId <= 0)
    throw new KeystoneError(
      'input.invalid',
      `--account takes the HubSpot account (portal) id, got "${flags.account}"`,
    );
  if (flags.target !== 'functions' && flags.target !== 'serve')
    throw new KeystoneError(
      'input.invalid',
      `--target is "functions" (endpoint functions, Content Hub Enterprise) or "serve" (kam serve), got "${flags.target}"`,
    );
  const { webhookUrl, actionUrl } = publicUrlsFor(flags.target as EndpointTarget, flags.baseUrl);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(flags.supportEmail))
    throw new KeystoneError(
      'input.invalid',
      `--support-email is not an email address: "${flags.supportEmail}"`,
    );
  for (const [flag, value] of [
    ['--support-url', flags.supportUrl],
    ['--documentation-url', flags.documentationUrl ?? flags.supportUrl],
  ] as const) {
    if (!/^https:\/\/[^\s]+$/.test(value))
      throw new KeystoneError('input.invalid', `${flag} must be an https:// URL, got "${value}"`);
  }
  if (!/^\+?[0-9 ()-]{6,20}$/.test(flags.supportPhone))
    throw new KeystoneError(
      'input.invalid',
      `--support-phone is not a phone number: "${flags.supportPhone}"`,
    );
  return {
    accountId,
    variables: {
      [PROFILE_VARIABLES.webhookUrl]: webhookUrl,
      [PROFILE_VARIABLES.actionUrl]: actionUrl,
      [PROFILE_VARIABLES.supportEmail]: flags.supportEmail,
      [PROFILE_VARIABLES.supportUrl]: flags.supportUrl,
      [PROFILE_VARIABLES.documentationUrl]: flags.documentationUrl ?? flags.supportUrl,
      [PROFILE_VARIABLES.supportPhone]: flags.supportPhone,
      // the app's permitted hubspot.fetch URL; with kam serve, also where the card and settings
      // page send their calls (scripts/build-app.ts writes it into their transport-config.ts)
      [FETCH_URL_VARIABLE]: flags.target === 'serve' ? serveBase(webhookUrl) : HUBSPOT_API_URL,
      ...(flags.target === 'serve' ? { [SERVE_URL_VARIABLE]: serveBase(webhookUrl) } : {}),
    },
  };
}

/** `kam configure`: writes the HubSpot project profile every per-portal value comes from. */
export function register(program: Command, io: CliIo): void {
  program
    .command('configure')
    .description(
      "write the HubSpot project profile (src/hsprofile.<name>.json) with this portal's public URLs and support contacts",
    )
    .requiredOption('--account <id>', 'HubSpot account (portal) id the profile uploads to')
    .requiredOption(
      '--target <functions|serve>',
      'who answers webhooks and the workflow action: HubSpot endpoint functions or kam serve',
    )
    .requiredOption(
      '--base-url <url>',
      "https:// base URL: the portal's connected domain (functions) or where kam serve is reachable (serve)",
    )
    .requiredOption('--support-email <email>', 'support contact shown on the app listing')
    .requiredOption('--support-url <url>', 'support page')
    .requiredOption('--support-phone <phone>', 'support phone number')
    .option('--documentation-url <url>', 'documentation page (default: the support page)')
    .option('--profile <name>', 'profile name', 'prod')
    .option('--src-dir <dir>', "the project's srcDir", 'src')
    .option('--json', 'print the profile as JSON')
    .action((flags: ConfigureFlags) => {
      const profile = profileFromFlags(flags);
      const srcDir = path.resolve(flags.srcDir);
      const existed = listHsProfiles(srcDir).includes(flags.profile);
      const file = writeHsProfile(srcDir, flags.profile, profile);
      if (flags.json) {
        io.out(JSON.stringify({ file, ...profile }, null, 2));
        return;
      }
      io.out(
        `${existed ? 'updated' : 'wrote'} ${path.relative(process.cwd(), file) || hsProfileFilename(flags.profile)}`,
      );
      for (const [name, value] of Object.entries(profile.variables)) io.out(`  ${name} = ${value}`);
      io.out(
        `next: npm run deploy -- --profile ${flags.profile}` +
          (flags.target === 'serve'
            ? ` ; run kam serve with --profile ${flags.profile} (docs/deploy.md)`
            : ''),
      );
    });
}
