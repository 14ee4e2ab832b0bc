import { LoadingSpinner, StatusTag, Tag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  NEVER_SCORED_PROPERTIES,
  SCORED_PROPERTIES,
  createCrmPropertiesResult,
  createKamProperties,
} from '../test-utils/fixtures';
import { KeyAccountSidebarCard } from './KeyAccountSidebarCard';

function renderSidebar(
  properties: Record<string, string | null>,
  options: { isLoading?: boolean; locale?: string } = {},
) {
  const renderer = createRenderer('crm.record.sidebar');
  renderer.mocks.useCrmProperties.willCall(() =>
    createCrmPropertiesResult(properties, { isLoading: options.isLoading }),
  );
  const context = {
    ...renderer.mocks.context,
    user: { ...renderer.mocks.context.user, locale: options.locale },
  };
  renderer.render(<KeyAccountSidebarCard context={context} />);
  return renderer;
}

describe('KeyAccountSidebarCard', () => {
  test('shows tier, score and risk of a scored company', () => {
    const { findByTestId } = renderSidebar(SCORED_PROPERTIES);
    expect(findByTestId(Tag, 'kam-sidebar-tier').text).toBe('Key');
    expect(findByTestId(Text, 'kam-sidebar-score').text).toBe('Key-account score: 72');
    expect(findByTestId(StatusTag, 'kam-sidebar-risk').props).toMatchObject({ variant: 'info' });
  });

  test('marks a critical risk as danger', () => {
    const { findByTestId } = renderSidebar(createKamProperties({ kam_risk_level: 'critical' }));
    expect(findByTestId(StatusTag, 'kam-sidebar-risk').props).toMatchObject({ variant: 'danger' });
    expect(findByTestId(StatusTag, 'kam-sidebar-risk').text).toBe('Critical');
  });

  test('says a never-scored company is not scored yet, in the user’s language', () => {
    const { findByTestId } = renderSidebar(NEVER_SCORED_PROPERTIES, { locale: 'ru' });
    expect(findByTestId(Text, 'kam-sidebar-never-scored').text).toBe('Ещё не оценена');
  });

  test('shows a spinner while the properties load', () => {
    const { findByTestId } = renderSidebar(SCORED_PROPERTIES, { isLoading: true });
    expect(findByTestId(LoadingSpinner, 'kam-sidebar-loading')).toBeTruthy();
  });

  test('ignores a stored value outside the known options instead of showing a raw id', () => {
    const { maybeFindByTestId, findByTestId } = renderSidebar(createKamProperties({ kam_tier: 'platinum' }));
    expect(maybeFindByTestId(Tag, 'kam-sidebar-tier')).toBeNull();
    expect(findByTestId(Text, 'kam-sidebar-score')).toBeTruthy();
  });
});
