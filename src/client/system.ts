/** Calls of the system part of the contract. */
import { FormToken, Health } from '../contract/system.ts';
import type { ApiClient, RequestOptions } from './api-client.ts';

export const getHealth = (api: ApiClient, options?: RequestOptions) => api.get('/health', Health, options);

/** The signed render time a public form posts back as `renderedAt` (minimum human fill time). */
export const getFormToken = (api: ApiClient, options?: RequestOptions) =>
  api.get('/form-token', FormToken, options).then((r) => r.token);
