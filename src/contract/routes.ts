/** Every route of the API. Each domain adds its list here; the server mounts them and OpenAPI documents them. */
import { eventsRoutes } from './events-routes.ts';
import { hsdsRoutes } from './hsds-routes.ts';
import { intakeRoutes } from './intake-routes.ts';
import { referralRoutes } from './referral-routes.ts';
import type { RouteDef } from './route.ts';
import { systemRoutes } from './system.ts';
import { volunteeringRoutes } from './volunteering-routes.ts';

export const routes: readonly RouteDef[] = [...systemRoutes, ...hsdsRoutes, ...eventsRoutes, ...volunteeringRoutes, ...intakeRoutes, ...referralRoutes];
