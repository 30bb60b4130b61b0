// Routes drawn on the plane of the input's x/y, or a map-less lat/lon projection
// (equirectangular, longitudes scaled by the cosine of the mean latitude): one path per
// route, stops numbered in visiting order, loads in the legend and the tooltips.
import { scaleLinear } from 'd3-scale';
import { colour } from './palette.js';

const WIDTH = 720;
const HEIGHT = 460;
const MARGIN = 28;

function project(places) {
  const values = [...places.values()];
  const geo = values.length > 0 && values.every((place) => place.geo);
  const meanLat = geo ? values.reduce((sum, place) => sum + place.y, 0) / values.length : 0;
  const squeeze = geo ? Math.cos((meanLat * Math.PI) / 180) : 1;
  const xs = values.map((place) => place.x * squeeze);
  const ys = values.map((place) => place.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  // One scale for both axes: distances keep their proportions.
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  const size = Math.min(WIDTH, HEIGHT) - 2 * MARGIN;
  const unit = scaleLinear().domain([0, span]).range([0, size]);
  const left = (WIDTH - unit(x1 - x0)) / 2;
  const top = (HEIGHT - unit(y1 - y0)) / 2;
  return {
    geo,
    at: (place) => [left + unit(place.x * squeeze - x0), top + unit(y1 - place.y)],
  };
}

export default function RouteMap({ routes, places }) {
  const located = routes.map((route) => ({ ...route, stops: route.stops.filter((stop) => places.has(stop.name)) }))
    .filter((route) => route.stops.length > 0);
  if (!located.length) return null;
  const used = new Map();
  for (const route of located) for (const stop of route.stops) used.set(stop.name, places.get(stop.name));
  const { geo, at } = project(used);
  const depots = new Set(located.flatMap((route) => route.stops.filter((stop) => stop.depot).map((stop) => stop.name)));
  const visits = located.flatMap((route, routeIndex) => route.stops.filter((stop) => !depots.has(stop.name))
    .map((stop, order) => ({ ...stop, route: route.name, routeIndex, order: order + 1 })));
  const stopCount = new Set(visits.map((visit) => visit.name)).size;

  return (
    <figure className="route-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" data-testid="route-map"
        aria-label={`${located.length} route${located.length === 1 ? '' : 's'} through ${stopCount} stops, on ${geo ? 'a latitude/longitude projection' : 'the x/y plane'}`}>
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} className="plot-area" />
        {located.map((route, index) => {
          const points = route.stops.map((stop) => at(places.get(stop.name)));
          const d = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
          return (
            <path key={route.name} className="route" data-route={route.name} d={d} fill="none"
              stroke={colour(index)} strokeWidth="2.5" strokeLinejoin="round" markerMid="url(#arrow)">
              <title>{`${route.name}: ${route.stops.map((stop) => stop.name).join(' → ')}`}</title>
            </path>
          );
        })}
        {visits.map((visit) => {
          const [x, y] = at(places.get(visit.name));
          return (
            <g key={`${visit.route}-${visit.order}-${visit.name}`} className="stop" data-stop={visit.name}
              transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}>
              <circle r="10" fill="#fff" stroke={colour(visit.routeIndex)} strokeWidth="2" />
              <text textAnchor="middle" dy="4" fontSize="11">{visit.order}</text>
              <text className="stop-name" x="13" dy="4" fontSize="11">{visit.name}</text>
              <title>{`${visit.name}: stop ${visit.order} of ${visit.route}${visit.load !== null && visit.load !== undefined ? `, load ${visit.load}` : ''}${visit.demand ? `, demand ${visit.demand}` : ''}`}</title>
            </g>
          );
        })}
        {[...depots].map((name) => {
          const [x, y] = at(places.get(name));
          return (
            <g key={`depot-${name}`} className="depot" data-depot={name} transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}>
              <rect x="-8" y="-8" width="16" height="16" fill="#1b1f24" />
              <text x="12" dy="4" fontSize="11" fontWeight="700">{name}</text>
              <title>{`${name} (depot)`}</title>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {located.map((route, index) => (
            <li key={route.name}>
              <span className="swatch" style={{ background: colour(index) }} aria-hidden="true" />
              <strong>{route.name}</strong>: {route.stops.filter((stop) => !stop.depot).length} stops
              {route.load !== null && route.load !== undefined ? `, load ${route.load}` : ''}
              {typeof route.distance === 'number' ? `, distance ${Number(route.distance.toFixed(3))}` : ''}
              <span className="muted"> ({route.stops.map((stop) => stop.name).join(' → ')})</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
