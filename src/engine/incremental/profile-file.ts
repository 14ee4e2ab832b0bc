/**
 * Reading and writing `hsprofile.<name>.json` in the project's srcDir, the file HubSpot's CLI
 * reads at `hs project upload --profile <name>` (see ./profile-variables.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KeystoneError } from '../errors';
import { hsProfileFilename, hsProfileSchema, type HsProfile } from './profile-variables';

/** The profile names present in `srcDir`, sorted. */
export function listHsProfiles(srcDir: string): string[] {
  if (!existsSync(srcDir)) return [];
  return readdirSync(srcDir)
    .map((file) => /^hsprofile\.([A-Za-z0-9_-]+)\.json$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

export function readHsProfile(srcDir: string, name: string): HsProfile {
  const file = path.join(srcDir, hsProfileFilename(name));
  if (!existsSync(file)) {
    const known = listHsProfiles(srcDir);
    throw new KeystoneError(
      'input.invalid',
      `no project profile "${name}" (${path.relative(process.cwd(), file) || file}); ${
        known.length > 0 ? `profiles here: ${known.join(', ')}` : 'create one with `npx kam configure`'
      }`,
    );
  }
  return parseHsProfile(readFileSync(file, 'utf8'), file);
}

export function parseHsProfile(text: string, source: string): HsProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KeystoneError('input.invalid', `${source}: not JSON (${(error as Error).message})`);
  }
  const parsed = hsProfileSchema.safeParse(json);
  if (!parsed.success) {
    throw new KeystoneError(
      'input.invalid',
      `${source}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(profile)'}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Writes the profile (2-space JSON, as HubSpot's CLI writes it) and returns its path. */
export function writeHsProfile(srcDir: string, name: string, profile: HsProfile): string {
  const file = path.join(srcDir, hsProfileFilename(name));
  writeFileSync(file, `${JSON.stringify(hsProfileSchema.parse(profile), null, 2)}\n`);
  return file;
}
