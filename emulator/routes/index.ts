/**
 * Every HubSpot route the emulator implements, in match order (literal segments before
 * parameters where two patterns have the same length).
 */
import type { Route } from '../http/router';
import { objectRoutes } from './objects';

export const hubspotRoutes: Route[] = [...objectRoutes];
