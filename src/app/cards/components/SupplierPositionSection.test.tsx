import { Heading, Text } from '@hubspot/ui-extensions';
import { createExplanation, createKamProperties } from '../test-utils/fixtures';
import { renderCard } from '../test-utils/render-card';

// methodology §6 on the card: the position, what it means and what moves us toward partner
describe('supplier position on the card', () => {
  test('a managed supplier: what it means and the step toward partner, in English', () => {
    const { findByTestId } = renderCard({
      properties: createKamProperties({ kam_supplier_position: 'managed' }),
    });
    expect(findByTestId(Heading, 'kam-position-heading').text).toBe('Supplier position: Managed supplier');
    expect(findByTestId(Text, 'kam-position-meaning').text).toMatch(/scrutinised and access is controlled/);
    expect(findByTestId(Text, 'kam-position-toward-partner').text).toMatch(/^Raise the value delivered/);
  });

  test('a desired supplier in Russian', () => {
    const { findByTestId } = renderCard({
      properties: createKamProperties({ kam_supplier_position: 'desired' }),
      locale: 'ru-RU',
    });
    expect(findByTestId(Heading, 'kam-position-heading').text).toBe('Позиция поставщика: Желанный поставщик');
    expect(findByTestId(Text, 'kam-position-toward-partner').text).toMatch(/^Повысить значимость/);
  });

  test('empty state: neither input set asks for both', () => {
    const { findByTestId, maybeFind } = renderCard({ properties: createKamProperties() });
    expect(findByTestId(Heading, 'kam-position-heading').text).toBe('Supplier position');
    expect(findByTestId(Text, 'kam-position-empty').text).toMatch(
      /^Not placed yet\. Set "KAM client dependence"/,
    );
    expect(maybeFind(Text, { testId: 'kam-position-meaning' })).toBeNull();
  });

  test('empty state: the one missing input is named', () => {
    const explanation = createExplanation({
      position: { value: null, missing: ['kam_value_delivered'], invalid: [] },
    });
    const { findByTestId } = renderCard({ properties: createKamProperties({}, explanation) });
    expect(findByTestId(Text, 'kam-position-empty').text).toBe(
      'Not placed yet: set "KAM value delivered" on the company.',
    );
  });

  test('empty state: a malformed input is named as such', () => {
    const explanation = createExplanation({
      position: { value: null, missing: [], invalid: ['kam_client_dependence'] },
    });
    const { findByTestId } = renderCard({
      properties: createKamProperties({ kam_supplier_position: null }, explanation),
    });
    expect(findByTestId(Text, 'kam-position-empty').text).toMatch(
      /^Not placed: "KAM client dependence" holds a value other than low or high/,
    );
  });

  test('an unknown stored value shows the empty state, never a broken card', () => {
    const { findByTestId } = renderCard({
      properties: createKamProperties({ kam_supplier_position: 'friend' }),
    });
    expect(findByTestId(Text, 'kam-position-empty').text).toMatch(/^Not placed yet/);
  });
});
