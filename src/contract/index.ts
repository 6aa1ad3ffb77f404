export * from './common.ts';
export * from './hsds.ts';
export * from './issues.ts';
export * from './people.ts';
export * from './route.ts';
export * from './routes.ts';
export * from './system.ts';
export * from './volunteering.ts';
export { generateOpenApi, type OpenApiInfo } from './openapi.ts';
