export * from './api-client.ts';
export * from './backoff.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './hsds.ts';
export * from './submission.ts';
export * from './system.ts';
export { uuid } from './uuid.ts';
export * from './volunteering.ts';
