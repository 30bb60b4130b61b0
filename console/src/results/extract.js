// What a result holds that people can look at, found by shape rather than by model name, so
// a new template (or a builder model) with the same shapes gets the same views:
// - routes: `solution.routes[]` (each with `stops`, `timetable` or a list of names) or
//   `solution.tour`, placed with the coordinates the input gives each named place
//   (`x`/`y`, or `lat`/`lon`);
// - schedules: arrays of objects with numeric `start` and `end` (or `service_start` and
//   `departure`), one row per machine / resource / employee / vehicle;
// - tables: every array of objects in the solution, nested ones with their parent's name.

const ROW_KEYS = ['machine', 'resource', 'employee', 'staff', 'worker', 'vehicle', 'room', 'team', 'bin'];
const LABEL_KEYS = ['job', 'activity', 'task', 'location', 'item', 'name', 'operation', 'shift'];
const NAME_KEYS = ['vehicle', 'name', 'employee', 'worker', 'staff', 'machine', 'resource', 'bin', 'warehouse', 'facility', 'product', 'job', 'task', 'item', 'activity', 'id'];
const PERIOD_KEYS = ['day', 'date', 'period', 'week'];

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isFiniteNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** name -> {x, y, geo} for every object of the input with a name and coordinates. */
export function placesOf(input) {
  const places = new Map();
  const stack = [input];
  let seen = 0;
  while (stack.length && seen < 100000) {
    const node = stack.pop();
    seen += 1;
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
    } else if (isObject(node)) {
      const name = typeof node.name === 'string' ? node.name : null;
      if (name !== null && !places.has(name)) {
        const lon = node.lon ?? node.lng ?? node.longitude;
        const lat = node.lat ?? node.latitude;
        if (isFiniteNumber(node.x) && isFiniteNumber(node.y)) places.set(name, { x: node.x, y: node.y, geo: false });
        else if (isFiniteNumber(lat) && isFiniteNumber(lon)) places.set(name, { x: lon, y: lat, geo: true });
      }
      for (const child of Object.values(node)) if (child && typeof child === 'object') stack.push(child);
    }
  }
  return places;
}

function stopName(stop) {
  if (typeof stop === 'string') return stop;
  if (isObject(stop)) return stop.location ?? stop.city ?? stop.name ?? stop.stop ?? null;
  return null;
}

function stopLoad(stop) {
  if (!isObject(stop)) return null;
  for (const key of ['cumulative_load', 'on_board', 'load']) if (isFiniteNumber(stop[key])) return stop[key];
  return null;
}

/** [{name, stops: [{name, load, depot}], distance, load}] from the solution (empty if none). */
export function routesOf(solution) {
  if (!isObject(solution)) return [];
  const routes = [];
  if (Array.isArray(solution.routes)) {
    solution.routes.forEach((route, index) => {
      if (!isObject(route)) return;
      const source = Array.isArray(route.stops) && route.stops.some(isObject) ? route.stops
        : Array.isArray(route.timetable) ? route.timetable : Array.isArray(route.stops) ? route.stops : [];
      const stops = source.map((stop) => ({ name: stopName(stop), load: stopLoad(stop), demand: isObject(stop) ? stop.demand ?? null : null }))
        .filter((stop) => typeof stop.name === 'string');
      const depots = [route.start_depot, route.end_depot].filter((name) => typeof name === 'string');
      if (typeof route.start_depot === 'string' && stops[0]?.name !== route.start_depot) stops.unshift({ name: route.start_depot, load: null });
      if (typeof route.end_depot === 'string' && stops[stops.length - 1]?.name !== route.end_depot) stops.push({ name: route.end_depot, load: null });
      for (const stop of stops) stop.depot = depots.includes(stop.name);
      const loads = stops.map((stop) => stop.load).filter(isFiniteNumber);
      routes.push({
        name: String(route.vehicle ?? route.name ?? `Route ${index + 1}`),
        stops,
        distance: route.distance ?? route.total_distance ?? route.travel_time ?? null,
        load: route.load ?? (loads.length ? Math.max(...loads) : null),
      });
    });
  } else if (Array.isArray(solution.tour)) {
    const stops = solution.tour.map((stop) => ({ name: stopName(stop), load: null, depot: false }))
      .filter((stop) => typeof stop.name === 'string');
    if (stops.length) stops[0].depot = true;
    if (solution.closed_tour && stops.length > 1 && stops[stops.length - 1].name === stops[0].name) stops[stops.length - 1].depot = true;
    routes.push({ name: 'Tour', stops, distance: solution.total_distance ?? null, load: null });
  }
  return routes.filter((route) => route.stops.length > 0);
}

function firstKey(item, keys, not) {
  return keys.find((key) => key !== not && (typeof item[key] === 'string' || isFiniteNumber(item[key])));
}

function barsFrom(items, parentName) {
  const bars = [];
  for (const item of items) {
    if (!isObject(item)) continue;
    let start = item.start;
    let end = item.end;
    if (!isFiniteNumber(start) || !isFiniteNumber(end)) {
      start = item.service_start ?? item.arrival;
      end = item.departure;
    }
    if (!isFiniteNumber(start) || !isFiniteNumber(end) || end < start) continue;
    const rowKey = firstKey(item, ROW_KEYS);
    const row = rowKey ? String(item[rowKey]) : parentName ?? String(item[firstKey(item, LABEL_KEYS)] ?? '');
    const labelKey = firstKey(item, LABEL_KEYS, rowKey);
    const label = labelKey ? String(item[labelKey]) : row;
    bars.push({ row, label, start, end, item });
  }
  return bars;
}

/** [{title, bars: [{row, label, start, end, item}]}]: one Gantt chart per schedule found
 * (a schedule listed twice, e.g. `schedule` and `machines[].operations`, is drawn once). */
export function schedulesOf(solution) {
  const charts = findSchedules(solution);
  const seen = new Set();
  return charts.filter((chart) => {
    const signature = chart.bars.map((bar) => `${bar.label}|${bar.start}|${bar.end}`).sort().join(';');
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

function findSchedules(solution) {
  if (!isObject(solution)) return [];
  const charts = [];
  for (const [key, value] of Object.entries(solution)) {
    if (!Array.isArray(value) || !value.length) continue;
    const bars = barsFrom(value);
    if (bars.length) {
      charts.push({ title: key, bars });
      continue;
    }
    // One level down: routes[].timetable, bins[].items...: a row per parent.
    const nested = [];
    let childKey = null;
    for (const parent of value) {
      if (!isObject(parent)) continue;
      const parentKey = firstKey(parent, NAME_KEYS);
      for (const [name, child] of Object.entries(parent)) {
        if (!Array.isArray(child)) continue;
        const found = barsFrom(child, parentKey ? String(parent[parentKey]) : undefined);
        if (found.length) {
          childKey = name;
          nested.push(...found.map((bar) => ({ ...bar, row: parentKey ? String(parent[parentKey]) : bar.row })));
        }
      }
    }
    if (nested.length) charts.push({ title: `${key} › ${childKey}`, bars: nested });
  }
  return charts;
}

function cell(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    return value.map((item) => (isObject(item) ? JSON.stringify(item) : cell(item))).join(', ');
  }
  if (isObject(value)) return Object.entries(value).map(([key, item]) => `${key}: ${cell(item)}`).join('; ');
  return value;
}

function tableFrom(title, items, parent) {
  const columns = [];
  if (parent) columns.push(parent.column);
  for (const item of items) {
    if (!isObject(item)) continue;
    for (const [key, value] of Object.entries(item)) {
      if (Array.isArray(value) && value.some(isObject)) continue; // its own table
      if (!columns.includes(key)) columns.push(key);
    }
  }
  const rows = items.filter(isObject).map((item) => columns.map((column) => (
    parent && column === parent.column && !(column in item) ? parent.value(item) : cell(item[column]))));
  return { title, columns, rows };
}

/** [{title, columns, rows}] for every array of objects in the solution (nested: a second table). */
export function tablesOf(solution) {
  if (!isObject(solution)) return [];
  const tables = [];
  for (const [key, value] of Object.entries(solution)) {
    const scalar = (item) => item === null || typeof item !== 'object';
    if (isObject(value) && Object.keys(value).length && Object.values(value).every(scalar)) {
      // {name: value}: a builder model's `variables`, `reduced_costs`.
      tables.push({ title: key, columns: ['name', 'value'], rows: Object.entries(value).map(([name, item]) => [name, cell(item)]) });
      continue;
    }
    if (isObject(value) && Object.keys(value).length && Object.values(value).every(isObject)) {
      // {name: {field: value}}: a builder model's `constraints` (activity, dual_value).
      tables.push(tableFrom(key, Object.entries(value).map(([name, item]) => ({ name, ...item }))));
      continue;
    }
    if (!Array.isArray(value) || !value.some(isObject)) continue;
    tables.push(tableFrom(key, value));
    const childKeys = new Set();
    for (const parent of value) {
      if (!isObject(parent)) continue;
      for (const [name, child] of Object.entries(parent)) if (Array.isArray(child) && child.some(isObject)) childKeys.add(name);
    }
    for (const childKey of childKeys) {
      const rows = [];
      const owners = [];
      for (const parent of value) {
        if (!isObject(parent) || !Array.isArray(parent[childKey])) continue;
        const parentKey = firstKey(parent, NAME_KEYS);
        for (const child of parent[childKey]) {
          if (!isObject(child)) continue;
          rows.push(child);
          owners.push(parentKey ? parent[parentKey] : '');
        }
      }
      const parentColumn = firstKey(value.find(isObject) || {}, NAME_KEYS) || 'of';
      const ownerOf = new Map(rows.map((row, index) => [row, owners[index]]));
      const column = rows.some((row) => parentColumn in row) ? `${key}.${parentColumn}` : parentColumn;
      tables.push(tableFrom(`${key} › ${childKey}`, rows, { column, value: (row) => ownerOf.get(row) ?? '' }));
    }
  }
  return tables;
}

/** The solution's own numbers and words (total_cost, makespan…): shown as facts. */
export function scalarsOf(solution) {
  if (!isObject(solution)) return [];
  return Object.entries(solution).filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value)
    || (Array.isArray(value) && value.every((item) => !item || typeof item !== 'object')))
    .map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : value]);
}

/**
 * Staff × time when time is named rather than numbered (a roster: `roster[].shifts[]` of
 * {day, shift}): [{title, rows, periods, cells: [{row, period, label}]}]. Periods keep the
 * order the input lists them in (`input.days`), else the order first seen.
 */
export function rostersOf(solution, input) {
  if (!isObject(solution)) return [];
  const rosters = [];
  for (const [key, value] of Object.entries(solution)) {
    if (!Array.isArray(value)) continue;
    const cells = [];
    let childKey = null;
    for (const parent of value) {
      if (!isObject(parent)) continue;
      const parentKey = firstKey(parent, NAME_KEYS);
      if (!parentKey) continue;
      for (const [name, child] of Object.entries(parent)) {
        if (!Array.isArray(child)) continue;
        for (const item of child) {
          if (!isObject(item)) continue;
          const periodKey = PERIOD_KEYS.find((period) => typeof item[period] === 'string' || isFiniteNumber(item[period]));
          const labelKey = firstKey(item, ['shift', 'task', 'activity', 'job', 'name'], periodKey);
          if (!periodKey || !labelKey) continue;
          childKey = name;
          cells.push({ row: String(parent[parentKey]), period: String(item[periodKey]), label: String(item[labelKey]) });
        }
      }
    }
    if (!cells.length) continue;
    const seen = [...new Set(cells.map((cell) => cell.period))];
    const listed = PERIOD_KEYS.map((period) => input?.[`${period}s`]).find((list) => Array.isArray(list)) || [];
    const periods = [...listed.map(String).filter((period) => seen.includes(period)), ...seen.filter((period) => !listed.map(String).includes(period))];
    rosters.push({ title: `${key} › ${childKey}`, rows: [...new Set(cells.map((cell) => cell.row))], periods, cells });
  }
  return rosters;
}
