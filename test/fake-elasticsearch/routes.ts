import { handleBulk, handleCatIndices, handleInfo, handleResolveIndex } from "@/test/fake-elasticsearch/admin-routes";
import { handleEql } from "@/test/fake-elasticsearch/eql-route";
import type { FakeFlavor, Handler } from "@/test/fake-elasticsearch/fake-types";
import { handleClosePit, handleCreatePitOpenSearch, handleDeletePitOpenSearch, handleOpenPit } from "@/test/fake-elasticsearch/pit-routes";
import { handleCount, handleSearch } from "@/test/fake-elasticsearch/search-routes";

/** `action` names the privilege a 403 reports, as Elasticsearch's security layer does. */
export type Route = { methods: string[]; pattern: RegExp; flavors?: FakeFlavor[]; action: string; handler: Handler };

// Index expressions never start with "_": that is how Elasticsearch tells `/_search` from `/<index>/_search`.
const INDEX = "([^/_][^/]*)";

export const ROUTES: Route[] = [
  { methods: ["GET", "HEAD"], pattern: /^\/$/, action: "cluster:monitor/main", handler: handleInfo },
  { methods: ["POST"], pattern: new RegExp(`^/${INDEX}/_pit$`), flavors: ["elasticsearch"], action: "indices:data/read/open_point_in_time", handler: handleOpenPit },
  { methods: ["DELETE"], pattern: /^\/_pit$/, flavors: ["elasticsearch"], action: "indices:data/read/close_point_in_time", handler: handleClosePit },
  { methods: ["POST"], pattern: new RegExp(`^/${INDEX}/_search/point_in_time$`), flavors: ["opensearch"], action: "indices:data/read/point_in_time/create", handler: handleCreatePitOpenSearch },
  { methods: ["DELETE"], pattern: /^\/_search\/point_in_time(?:\/(_all))?$/, flavors: ["opensearch"], action: "indices:data/read/point_in_time/delete", handler: handleDeletePitOpenSearch },
  { methods: ["GET", "POST"], pattern: new RegExp(`^(?:/${INDEX})?/_search$`), action: "indices:data/read/search", handler: handleSearch },
  { methods: ["GET", "POST"], pattern: new RegExp(`^(?:/${INDEX})?/_count$`), action: "indices:data/read/search", handler: handleCount },
  { methods: ["GET"], pattern: /^\/_resolve\/index\/([^/]+)$/, action: "indices:admin/resolve/index", handler: handleResolveIndex },
  { methods: ["GET"], pattern: /^\/_cat\/indices(?:\/([^/]+))?$/, action: "indices:monitor/stats", handler: handleCatIndices },
  { methods: ["POST", "PUT"], pattern: new RegExp(`^(?:/${INDEX})?/_bulk$`), action: "indices:data/write/bulk", handler: handleBulk },
  { methods: ["GET", "POST"], pattern: new RegExp(`^/${INDEX}/_eql/search$`), flavors: ["elasticsearch"], action: "indices:data/read/eql", handler: handleEql },
];

export type RouteMatch = { route: Route; params: (string | undefined)[] } | { route: null; allowed: string[] };

export function findRoute(method: string, path: string, flavor: FakeFlavor): RouteMatch {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    if (route.flavors && !route.flavors.includes(flavor)) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.methods.includes(method)) return { route, params: m.slice(1) };
    allowed.push(...route.methods);
  }
  return { route: null, allowed };
}
