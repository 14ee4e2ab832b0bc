import { Router, queryList, route } from './router';

const ok = () => ({ status: 200 });

describe('Router', () => {
  const router = new Router([
    route.get('/crm/v3/properties/{objectType}/groups', ok),
    route.get('/crm/v3/properties/{objectType}/{propertyName}', ok),
    route.post('/crm/v3/objects/{objectType}/search', ok),
    route.get('/crm/v3/objects/{objectType}/{objectId}', ok),
  ]);

  test.each([
    ['GET', '/crm/v3/properties/companies/groups', '/crm/v3/properties/{objectType}/groups', {}],
    [
      'GET',
      '/crm/v3/properties/companies/kam_tier',
      '/crm/v3/properties/{objectType}/{propertyName}',
      { propertyName: 'kam_tier' },
    ],
    ['POST', '/crm/v3/objects/deals/search', '/crm/v3/objects/{objectType}/search', {}],
    [
      'GET',
      '/crm/v3/objects/p_kam%20model/12/',
      '/crm/v3/objects/{objectType}/{objectId}',
      { objectType: 'p_kam model', objectId: '12' },
    ],
  ])('%s %s matches %s', (method, path, pattern, params) => {
    const match = router.match(method, path);
    expect(match?.route.pattern).toBe(pattern);
    expect(match?.params).toEqual(expect.objectContaining(params));
  });

  test('a method or shape no route has does not match (the server answers 501)', () => {
    expect(router.match('DELETE', '/crm/v3/objects/deals/search')).toBeUndefined();
    expect(router.match('GET', '/crm/v3/objects')).toBeUndefined();
  });
});

test('queryList accepts repeated and comma-separated values', () => {
  expect(queryList(new URLSearchParams('properties=a&properties=b,c&properties='), 'properties')).toEqual([
    'a',
    'b',
    'c',
  ]);
});
