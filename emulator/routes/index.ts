/**
 * Every HubSpot route the emulator implements, in match order (literal segments before
 * parameters where two patterns have the same length).
 */
import type { Route } from '../http/router';
import { associationRoutes } from './associations';
import { batchRoutes } from './batch';
import { objectRoutes } from './objects';
import { ownerRoutes } from './owners';
import { propertyRoutes } from './properties';
import { schemaRoutes } from './schemas';
import { searchRoutes } from './search';

export const hubspotRoutes: Route[] = [
  ...batchRoutes,
  ...searchRoutes,
  ...objectRoutes,
  ...associationRoutes,
  ...propertyRoutes,
  ...schemaRoutes,
  ...ownerRoutes,
];
