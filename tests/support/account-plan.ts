/** A valid account development plan for store and function tests, with overrides. */
import { accountPlanSchema, type AccountPlan, type AccountPlanInput } from '../../src/engine/core';

export function planInput(overrides: Partial<AccountPlanInput> = {}): AccountPlanInput {
  return {
    ownerUserId: '7001',
    clientGoals: 'Cut supplier count by half; secure supply for the 2027 line.',
    goals: [
      {
        id: 'g1',
        title: 'Grow won revenue',
        clientGoal: 'Consolidate suppliers',
        setOn: '2026-12-01',
        deadline: '2027-06-30',
        target: { metric: 'won_revenue_12m', atLeast: 400_000 },
      },
    ],
    strategy: { product: 'Bundle service with parts', price: '', promotion: '', place: 'Direct' },
    resources: 'One engineer two days a month',
    tactics: 'Quarterly business review',
    opportunities: [
      {
        id: 'o1',
        title: 'Service contract for the second plant',
        kind: 'improve_service',
        effort: { time: 'medium', money: 'low', people: 'low' },
        payoff: 'high',
        notes: '',
      },
    ],
    lastReviewedOn: '2026-12-01',
    nextReviewOn: '2027-03-01',
    ...overrides,
  };
}

export function samplePlan(overrides: Partial<AccountPlanInput> = {}): AccountPlan {
  return accountPlanSchema.parse(planInput(overrides));
}
