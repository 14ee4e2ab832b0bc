/**
 * Which companies a nightly incremental run rescores: those whose score inputs changed since the
 * last finished run — the company record, or one of its deals, tickets, meetings or contacts.
 *
 * Keystone's own writes move a company's `hs_lastmodifieddate`, so reading company changes since
 * the last run's *start* would bring back every company that run wrote (after a first run: all of
 * them, past HubSpot's 10,000-result search cap). Company records are therefore read since the
 * last run's *end*; deals, tickets, meetings and contacts, which Keystone never writes, since its
 * start, so no change to them made while it ran is missed. A user's edit of a company's own
 * fields while the run was under way can be missed until the weekly full run (docs/deploy.md).
 */
import type { CrmGateway } from '../hubspot/gateway';
import { companiesChangedIn } from '../sync/changed-since';

export type ChangeWindows = {
  /** The last finished run's end: company records changed since then. */
  companiesSince: Date;
  /** The last finished run's scoring time (its start): associated records changed since then. */
  recordsSince: Date;
};

/**
 * The ids of companies to rescore, sorted. Throws HubSpot's search-cap error when more than
 * 10,000 records of one type changed (then a full run is the cheaper read anyway).
 */
export async function companiesChangedSince(gateway: CrmGateway, windows: ChangeWindows): Promise<string[]> {
  const ids = await companiesChangedIn(gateway, windows.companiesSince, windows.recordsSince);
  return ids.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
