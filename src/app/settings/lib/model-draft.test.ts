import { DEFAULT_SCORING_MODEL } from '@keystone/shared';
import { editField, getAt, groupIssues, messagesAt, setAt, validateDraft, type Draft } from './model-draft';

const DRAFT = DEFAULT_SCORING_MODEL as unknown as Draft;

describe('model draft', () => {
  test('reads and replaces a value by its path without touching the original', () => {
    const changed = setAt(DRAFT, 'tiers.key', 80);
    expect(getAt(changed, 'tiers.key')).toBe(80);
    expect(getAt(DRAFT, 'tiers.key')).toBe(DEFAULT_SCORING_MODEL.tiers.key);
    expect(changed.weights).toBe(DRAFT.weights);
  });

  test('validates with the scoring-model schema and names the field path', () => {
    const result = validateDraft(setAt(DRAFT, 'tiers.key', 40));
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'tiers.key', message: 'must be greater than tiers.important (45)' }],
    });
    expect(validateDraft(DRAFT).ok).toBe(true);
  });

  test('gives a field its own messages and the list items under it, and leaves group rules apart', () => {
    const issues = [
      { path: 'tiers.key', message: 'too low' },
      { path: 'buyingCentre.keyRoles.1', message: 'Invalid option' },
      { path: 'weights.strength', message: 'at least one factor needs a weight above 0' },
    ];
    expect(messagesAt(issues, 'tiers.key')).toEqual(['too low']);
    expect(messagesAt(issues, 'buyingCentre.keyRoles')).toEqual(['1: Invalid option']);
    expect(groupIssues(issues, ['tiers.key', 'buyingCentre.keyRoles', 'weights.strength.tenure'])).toEqual([
      { path: 'weights.strength', message: 'at least one factor needs a weight above 0' },
    ]);
  });

  test('an edit of the risk score drops its calibration; other edits and a no-op keep it', () => {
    const calibrated = setAt(DRAFT, 'riskScore.calibration', { method: 'monotone-logistic-l2' });
    expect(getAt(editField(calibrated, 'tiers.key', 80), 'riskScore.calibration')).toBeDefined();
    const same = getAt(calibrated, 'riskScore.signals.blockers.weight');
    expect(
      getAt(editField(calibrated, 'riskScore.signals.blockers.weight', same), 'riskScore.calibration'),
    ).toBeDefined();
    const edited = editField(calibrated, 'riskScore.signals.blockers.weight', 1);
    expect(getAt(edited, 'riskScore.calibration')).toBeUndefined();
    expect(getAt(edited, 'riskScore.signals.blockers.weight')).toBe(1);
    expect(validateDraft(edited).ok).toBe(true);
  });
});
