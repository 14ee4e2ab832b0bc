import { EmptyState, LoadingButton } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { messagesFor } from '../lib/messages';
import { NeverScoredState } from './NeverScoredState';

describe('NeverScoredState', () => {
  test('renders through HubSpot’s test renderer and offers a recalculation', () => {
    const { render, findByTestId } = createRenderer('crm.record.tab');
    const onRecalculate = jest.fn();
    render(
      <NeverScoredState messages={messagesFor('en')} isRecalculating={false} onRecalculate={onRecalculate} />,
    );

    expect(findByTestId(EmptyState, 'kam-never-scored').props.title).toBe('Not scored yet');
    const button = findByTestId(LoadingButton, 'kam-recalculate');
    expect(button.text).toBe('Recalculate');
    button.trigger('onClick');
    expect(onRecalculate).toHaveBeenCalledTimes(1);
  });

  test('shows the button as loading while a recalculation runs', () => {
    const { render, findByTestId } = createRenderer('crm.record.tab');
    render(<NeverScoredState messages={messagesFor('ru')} isRecalculating onRecalculate={jest.fn()} />);

    const button = findByTestId(LoadingButton, 'kam-recalculate');
    expect(button.props.loading).toBe(true);
    expect(button.text).toBe('Пересчитать');
  });
});
