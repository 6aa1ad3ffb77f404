/** Calls of the system part of the contract. */
import type { ApiClient, RequestOptions } from './api-client.ts';

/** The schemas, with zod, fetched beside the first request. */
const contract = () => import('../contract/system.ts');

export const getHealth = (api: ApiClient, options?: RequestOptions) => api.get('/health', contract().then((c) => c.Health), options);

/** The signed render time a public form posts back as `renderedAt` (minimum human fill time). */
export const getFormToken = (api: ApiClient, options?: RequestOptions) =>
  api.get('/form-token', contract().then((c) => c.FormToken), options).then((r) => r.token);
