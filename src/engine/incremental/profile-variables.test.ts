import {
  findPlaceholders,
  hsProfileFilename,
  publicUrlsFor,
  referencedVariables,
  resolveProfileTemplate,
} from './profile-variables';

describe('resolveProfileTemplate (as HubSpot’s parser substitutes)', () => {
  test('replaces every ${key}, whole value or inside a string', () => {
    expect(resolveProfileTemplate('${A}', { A: 'https://x.io/h' })).toBe('https://x.io/h');
    expect(resolveProfileTemplate('https://${HOST}:${PORT}/p', { HOST: 'x.io', PORT: 8443 })).toBe(
      'https://x.io:8443/p',
    );
    expect(resolveProfileTemplate('no variables', {})).toBe('no variables');
  });

  test('is null when a referenced key has no value', () => {
    expect(resolveProfileTemplate('${A}/${B}', { A: 'x' })).toBeNull();
    expect(resolveProfileTemplate('${toString}', {})).toBeNull();
  });

  test('lists the referenced names', () => {
    expect(referencedVariables('${A}-${B_2}')).toEqual(['A', 'B_2']);
  });
});

describe('findPlaceholders', () => {
  test.each([
    '${KEYSTONE_WEBHOOK_URL}',
    'https://keystone.example.com/hook',
    'support@example.com',
    'https://kam.acme.invalid/x',
    'http://localhost:3000/x',
    '+18005555555',
    'TODO',
  ])('flags %s', (value) => {
    expect(findPlaceholders({ config: { value } })).toEqual([`config.value: ${value}`]);
  });

  test.each([
    'https://kam.acme-industries.com/hubspot/webhooks',
    'kam@acme-industries.com',
    '+49 30 1234567',
  ])('accepts %s', (value) => {
    expect(findPlaceholders([value])).toEqual([]);
  });
});

describe('publicUrlsFor', () => {
  test('endpoint functions live under /hs/serverless on the portal’s domain', () => {
    expect(publicUrlsFor('functions', 'https://www.acme.com/')).toEqual({
      webhookUrl: 'https://www.acme.com/hs/serverless/keystone-webhook',
      actionUrl: 'https://www.acme.com/hs/serverless/keystone-recalculate-action',
    });
  });

  test('kam serve answers on its own host', () => {
    expect(publicUrlsFor('serve', 'https://kam.acme.com/base')).toEqual({
      webhookUrl: 'https://kam.acme.com/base/hubspot/webhooks',
      actionUrl: 'https://kam.acme.com/base/hubspot/workflow-action',
    });
  });

  test.each(['http://kam.acme.com', 'kam.acme.com', 'https://kam.acme.com/?a=1'])('refuses %s', (url) => {
    expect(() => publicUrlsFor('serve', url)).toThrow(/https/);
  });

  test('profile names are what HubSpot’s file pattern accepts', () => {
    expect(hsProfileFilename('prod')).toBe('hsprofile.prod.json');
    expect(() => hsProfileFilename('../x')).toThrow(/profile name/);
  });
});
