import {
  declineAt,
  generateLatentCompanies,
  healthAt,
  oracleRiskAt,
  type LatentHealth,
} from './latent-health';

const NOW = new Date('2026-06-30T00:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;

describe('latent-health portfolio', () => {
  test('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: number) =>
      JSON.stringify([...generateLatentCompanies({ companies: 40, seed, now: NOW })]);
    expect(run(3)).toBe(run(3));
    expect(run(3)).not.toBe(run(4));
  });

  test('health falls after the turn only, and the oracle sees a turn before as-of, not after', () => {
    const latent: LatentHealth = {
      companyId: '1',
      initial: 0.5,
      turnAt: NOW.getTime() - YEAR_MS,
      slopePerYear: 2,
      purchaseLagMs: 0,
    };
    expect(healthAt(latent, NOW.getTime() - 2 * YEAR_MS)).toBe(0.5);
    expect(declineAt(latent, NOW.getTime())).toBeCloseTo(2, 6);
    const steady = { ...latent, turnAt: null };
    expect(oracleRiskAt(latent, NOW.getTime() - 0.5 * YEAR_MS)).toBeGreaterThan(
      oracleRiskAt(steady, NOW.getTime()),
    );
    expect(oracleRiskAt(latent, NOW.getTime() - 1.5 * YEAR_MS)).toBeCloseTo(
      oracleRiskAt(steady, NOW.getTime()),
      9,
    );
  });

  test('accounts that lost health buy less, lose more deals and raise more tickets than steady ones', () => {
    let turnedWon = 0;
    let turnedLost = 0;
    let turnedTickets = 0;
    let turned = 0;
    let steadyWon = 0;
    let steadyLost = 0;
    let steadyTickets = 0;
    let steady = 0;
    const lastYear = NOW.getTime() - YEAR_MS;
    for (const { company, latent } of generateLatentCompanies({ companies: 400, seed: 9, now: NOW })) {
      const recent = (at: string | null | undefined) =>
        at !== null && at !== undefined && Date.parse(at) > lastYear;
      const won = company.deals.filter(
        (d) => d.properties.hs_is_closed_won === 'true' && recent(d.properties.closedate),
      ).length;
      const lost = company.deals.filter(
        (d) =>
          d.properties.hs_is_closed === 'true' &&
          d.properties.hs_is_closed_won === 'false' &&
          recent(d.properties.closedate),
      ).length;
      const tickets = company.tickets.filter((t) => recent(t.properties.createdate)).length;
      if (declineAt(latent, NOW.getTime()) > 1.5) {
        turned++;
        turnedWon += won;
        turnedLost += lost;
        turnedTickets += tickets;
      } else if (latent.turnAt === null) {
        steady++;
        steadyWon += won;
        steadyLost += lost;
        steadyTickets += tickets;
      }
    }
    expect(turned).toBeGreaterThan(10);
    expect(turnedWon / turned).toBeLessThan(steadyWon / steady);
    expect(turnedLost / Math.max(1, turnedWon + turnedLost)).toBeGreaterThan(
      steadyLost / (steadyWon + steadyLost),
    );
    expect(turnedTickets / turned).toBeGreaterThan(steadyTickets / steady);
  });

  test('a blocker is dated when health fell past the line, never before the turn', () => {
    for (const { company, latent } of generateLatentCompanies({ companies: 300, seed: 5, now: NOW })) {
      for (const contact of company.contacts) {
        if (contact.properties.hs_buying_role !== 'BLOCKER') continue;
        expect(latent.turnAt).not.toBeNull();
        expect(Date.parse(contact.properties.createdate!)).toBeGreaterThan(latent.turnAt!);
      }
    }
  });
});
