import { companyAssociation, companyChange, createWebhookEvent, dealChange } from './test-utils/fixtures';
import { MAX_EVENTS_PER_REQUEST, parseWebhookBody } from './webhook-events';

const parse = (events: unknown) => parseWebhookBody(JSON.stringify(events));

describe('parseWebhookBody', () => {
  test('reads a legacy deal property change', () => {
    const result = parse([dealChange(9, 'dealstage', { eventId: 5, propertyValue: 'closedwon' })]);
    expect(result).toEqual({
      ok: true,
      value: [
        expect.objectContaining({
          eventId: '5',
          kind: 'propertyChange',
          object: { objectType: 'deal', objectId: '9' },
          propertyName: 'dealstage',
          association: null,
        }),
      ],
    });
  });

  test('reads a generic object event through its objectTypeId', () => {
    const event = createWebhookEvent({
      subscriptionType: 'object.propertyChange',
      objectTypeId: '0-5',
      objectId: 3,
      propertyName: 'hs_ticket_priority',
    });
    const result = parse([event]);
    expect(result.ok && result.value[0]?.object).toEqual({ objectType: 'ticket', objectId: '3' });
  });

  test('reads both ends of an association change', () => {
    const result = parse([companyAssociation(11, 'DEAL', 9, true)]);
    expect(result.ok && result.value[0]?.association).toEqual({
      from: { objectType: 'company', objectId: '11' },
      to: { objectType: 'deal', objectId: '9' },
      removed: true,
    });
  });

  test('keeps ids as strings, including ones beyond 2^53 given as strings', () => {
    const result = parse([
      companyChange(1, 'industry', { eventId: '98765432109876543210', objectId: '12345678901234567' }),
    ]);
    expect(result.ok && result.value[0]).toMatchObject({
      eventId: '98765432109876543210',
      object: { objectId: '12345678901234567' },
    });
  });

  test('marks an unknown subscription type unsupported instead of rejecting the batch', () => {
    const result = parse([createWebhookEvent({ subscriptionType: 'conversation.newMessage' })]);
    expect(result.ok && result.value[0]?.kind).toBe('unsupported');
  });

  test('reads the surviving id of a merge', () => {
    const event = createWebhookEvent({
      subscriptionType: 'company.merge',
      objectId: 1,
      primaryObjectId: 2,
      mergedObjectIds: [1, 3],
    });
    expect(
      parse([event]).ok &&
        (parse([event]) as { value: { survivingObjectId: string }[] }).value[0]?.survivingObjectId,
    ).toBe('2');
  });

  test.each([
    ['not JSON', '{"eventId":', '(body)'],
    ['an object instead of an array', JSON.stringify({ events: [] }), '(body)'],
    ['an empty array', '[]', '(body)'],
    ['an event without eventId', JSON.stringify([{ ...dealChange(1), eventId: undefined }]), '0.eventId'],
    ['a negative objectId', JSON.stringify([dealChange(-1)]), '0.objectId'],
    [
      'a fractional occurredAt',
      JSON.stringify([dealChange(1, 'amount', { occurredAt: 1.5 })]),
      '0.occurredAt',
    ],
    [
      'a subscription type without an event',
      JSON.stringify([dealChange(1, 'amount', { subscriptionType: 'deal' })]),
      '0.subscriptionType',
    ],
    [
      'a string attemptNumber',
      JSON.stringify([dealChange(1, 'amount', { attemptNumber: 'zero' })]),
      '0.attemptNumber',
    ],
    ['an id with letters', JSON.stringify([dealChange(1, 'amount', { objectId: '12a' })]), '0.objectId'],
  ])('rejects %s with the field path', (_label, body, path) => {
    const result = parseWebhookBody(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toContain(path);
  });

  test(`rejects more than ${MAX_EVENTS_PER_REQUEST} events`, () => {
    const events = Array.from({ length: MAX_EVENTS_PER_REQUEST + 1 }, (_, index) => dealChange(index + 1));
    expect(parse(events).ok).toBe(false);
  });
});
