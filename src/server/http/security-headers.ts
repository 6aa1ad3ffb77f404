/** Security headers: on every response, stricter ones on the API, and `no-store` unless a handler chose a cache policy. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/** The page policy of the demo (and of any page embedding the widgets the way we recommend). */
/**
 * The demo page's policy, as issue 2 fixes it, plus one keyword: `'allow-duplicates'` on `trusted-types`.
 * Lit creates its `lit-html` policy when its module first runs, so a second copy of the bundle on one page
 * (two CMS blocks each with their own script, which councils do) would throw "Policy with name lit-html already
 * exists" and leave its widgets dead. The keyword admits no other policy name.
 *
 * And one policy name: `dompurify`. The directory sanitises HTML found in a council's HSDS feed with DOMPurify,
 * which parses it with `DOMParser.parseFromString`, a Trusted Types sink; DOMPurify's own policy only carries
 * that untrusted text into an inert document, sanitises it and hands back a DOM fragment (never a string sink).
 *
 * And `kentro-jsonld`: the calendar writes schema.org Event JSON-LD into its light DOM for search engines; a
 * script element's text is a Trusted Types sink even for `application/ld+json`. The policy only ever receives
 * `JSON.stringify` output with `<` escaped.
 */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types lit-html dompurify kentro-jsonld 'allow-duplicates'";

/** JSON is never a document: nothing may load, frame or run in it. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/*
 * Middleware that adds headers after `next()` writes them on `c.res.headers`, as Hono's own secureHeaders does.
 * `c.header()` on a finished response builds a new Response around the old one's body stream each time (Hono 4.13),
 * and @hono/node-server must then pipe that stream instead of writing the body it holds: under load that cost our
 * server more than the handlers' own work (bench/server).
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  // Only when a trusted proxy says the request came over https: HSTS over plain http is ignored, and sent to a
  // local `npm start` it would pin localhost to https in the developer's browser for a year.
  if (c.get('https')) c.res.headers.set('Strict-Transport-Security', 'max-age=31536000');
};

export const apiHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Content-Security-Policy', API_CSP);
  // Personal data must not sit in shared or browser caches; public GETs opt in with their own Cache-Control.
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
};
