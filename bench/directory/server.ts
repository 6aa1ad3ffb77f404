/**
 * A tiny HSDS server for the benchmark: `/hsds/services?page&per_page` pages the generated services (the widget
 * asks for `full=true&per_page=500`), `/hsds/taxonomies` and `/hsds/taxonomy_terms` list the terms, and every
 * other path is a file of the built bench page. Pages are serialised once and then served from memory.
 */
import http from 'node:http';
import { listen, serveStatic } from '../support/static-server.ts';
import type { Directory } from './generate.ts';


function hsdsPage(list: readonly unknown[], pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(list.length / perPage));
  const contents = list.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  return {
    total_items: list.length, total_pages: totalPages, page_number: pageNumber, size: contents.length,
    first_page: pageNumber <= 1, last_page: pageNumber >= totalPages, empty: contents.length === 0, contents,
  };
}

export interface BenchServer { url: string; close(): Promise<void> }

export async function startBenchServer(directory: Directory, staticDir: string): Promise<BenchServer> {
  const cache = new Map<string, string>();
  const json = (key: string, make: () => unknown) => {
    let body = cache.get(key);
    if (body === undefined) cache.set(key, (body = JSON.stringify(make())));
    return body;
  };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const path = url.pathname;
    if (path.startsWith('/hsds/')) {
      const pageNumber = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      const perPage = Math.min(1000, Math.max(1, Number(url.searchParams.get('per_page') ?? 50) || 50));
      let body: string | undefined;
      if (path === '/hsds/services') body = json(`s:${pageNumber}:${perPage}`, () => hsdsPage(directory.services, pageNumber, perPage));
      else if (path === '/hsds/taxonomies') body = json(`t:${pageNumber}:${perPage}`, () => hsdsPage(directory.taxonomies, pageNumber, perPage));
      else if (path === '/hsds/taxonomy_terms') body = json(`tt:${pageNumber}:${perPage}`, () => hsdsPage(directory.terms, pageNumber, perPage));
      if (body === undefined) {
        res.writeHead(404, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(body);
      return;
    }
    await serveStatic(res, staticDir, path, 'bench/directory/index.html');
  });
  return listen(server);
}
