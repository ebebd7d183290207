/* The map's coordinates: the shapes come projected by Python (geodata/projection.py: Equal
   Earth for the world, LAEA Europe for Europe and the eastern flank), in kilometres, and Leaflet
   draws them flat (no tiles, so any projection works). A "latlng" here is [y km, x km]. */

/* Pixels per kilometre at zoom 0: the world (34,500 km wide in Equal Earth) is 220 px wide. */
const PIXELS_PER_KM = 256 / 40000;

export function projectedCrs(L) {
  return L.extend({}, L.CRS.Simple, {
    transformation: new L.Transformation(PIXELS_PER_KM, 0, -PIXELS_PER_KM, 0),
  });
}

/** A projected extent [[xmin, ymin], [xmax, ymax]] (km) as Leaflet bounds. */
export function extentBounds(L, [[xmin, ymin], [xmax, ymax]]) {
  return L.latLngBounds([ymin, xmin], [ymax, xmax]);
}

/** A delta-encoded ring or line (layers/web/payload.py) as [y km, x km] points. */
export function decodeLine(flat, unit) {
  const points = new Array(flat.length / 2);
  let x = 0, y = 0;
  for (let i = 0; i < flat.length; i += 2) {
    x += flat[i];
    y += flat[i + 1];
    points[i / 2] = [y * unit, x * unit];
  }
  return points;
}
