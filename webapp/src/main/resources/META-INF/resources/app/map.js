/*
 * The city map every screen shares. District outlines and, zoomed in, the unit grid (万米单元网格) are vector
 * layers from the API, so the map works with no base tiles at all (a city's intranet often has none). Base tiles
 * come only from the URL the gateway is configured with (the city's GIS, or 天地图 with its key; both CGCS2000,
 * which agrees with the WGS84 the apps use), off by default.
 */
import { get } from './api.js';
import { appConfig, districtOutlines } from './reference.js';

const CITY_CENTER = [34.3405, 108.7012];
const GRID_MIN_ZOOM = 16;

export const CityMap = {
  name: 'CityMap',
  props: {
    pin: { type: Object, default: null },
    draggable: { type: Boolean, default: false },
    accuracy: { type: Number, default: null },
    markers: { type: Array, default: () => [] },
    height: { type: String, default: '240px' },
    zoom: { type: Number, default: 17 },
  },
  emits: ['update:pin'],
  template: `<div class="city-map" :style="{ height }" ref="el" data-test="map"></div>`,
  async mounted() {
    const map = L.map(this.$refs.el, { zoomControl: true, attributionControl: true, preferCanvas: false })
      .setView(this.pin ? [this.pin.lat, this.pin.lon] : CITY_CENTER, this.pin ? this.zoom : 11);
    this.map = map;
    this.cells = L.geoJSON(null, { style: { color: '#5b7fa6', weight: 0.6, fillOpacity: 0 }, interactive: false }).addTo(map);
    this.districts = L.geoJSON(null, {
      style: { color: '#1f4e79', weight: 2, fillColor: '#1f4e79', fillOpacity: 0.04 },
      onEachFeature: (feature, layer) => layer.bindTooltip(feature.properties.name, { sticky: true }),
    }).addTo(map);
    this.extra = L.layerGroup().addTo(map);
    map.on('moveend', () => this.loadCells());
    this.drawPin();
    this.drawMarkers();
    const config = await appConfig();
    if (config.tiles && config.tiles.url) {
      L.tileLayer(config.tiles.url, {
        attribution: config.tiles.attribution || '', maxZoom: config.tiles.maxZoom || 18,
        subdomains: config.tiles.subdomains || 'abc',
      }).addTo(map).bringToBack();
    }
    try {
      this.districts.addData(await districtOutlines());
    } catch (e) {
      /* offline before the outlines were ever loaded: the pin still works */
    }
    this.loadCells();
    setTimeout(() => map.invalidateSize(), 50);
  },
  beforeUnmount() {
    if (this.map) this.map.remove();
  },
  watch: {
    pin: { deep: true, handler() { this.drawPin(); } },
    accuracy() { this.drawPin(); },
    markers: { deep: true, handler() { this.drawMarkers(); } },
  },
  methods: {
    drawPin() {
      if (!this.map) return;
      if (!this.pin) {
        if (this.marker) { this.marker.remove(); this.marker = null; }
        return;
      }
      const at = [this.pin.lat, this.pin.lon];
      if (!this.marker) {
        this.marker = L.marker(at, {
          draggable: this.draggable, autoPan: true, keyboard: true, title: '',
          icon: L.divIcon({ className: 'map-pin', html: '<span></span>', iconSize: [28, 28], iconAnchor: [14, 28] }),
        }).addTo(this.map);
        this.marker.on('dragend', () => {
          const p = this.marker.getLatLng();
          this.$emit('update:pin', { lon: round(p.lng), lat: round(p.lat), dragged: true });
        });
        this.map.setView(at, Math.max(this.map.getZoom(), this.zoom));
      } else if (!this.marker.getLatLng().equals(at)) {
        this.marker.setLatLng(at);
        this.map.panTo(at);
      }
      if (this.circle) { this.circle.remove(); this.circle = null; }
      if (this.accuracy) {
        this.circle = L.circle(at, { radius: this.accuracy, color: '#2f80ed', weight: 1, fillOpacity: 0.08, interactive: false })
          .addTo(this.map);
      }
    },
    drawMarkers() {
      if (!this.extra) return;
      this.extra.clearLayers();
      for (const m of this.markers) {
        L.circleMarker([m.lat, m.lon], { radius: 7, color: '#fff', weight: 2, fillColor: m.color || '#d93026', fillOpacity: 1 })
          .bindTooltip(m.label || '').addTo(this.extra);
      }
    },
    async loadCells() {
      if (!this.map || this.map.getZoom() < GRID_MIN_ZOOM || !navigator.onLine) {
        if (this.cells) this.cells.clearLayers();
        return;
      }
      const b = this.map.getBounds();
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(5)).join(',');
      if (bbox === this.cellsBbox) return;
      this.cellsBbox = bbox;
      try {
        const cells = await get('/api/reference/grid/cells?bbox=' + bbox, { background: true });
        if (this.cellsBbox !== bbox) return;
        this.cells.clearLayers();
        this.cells.addData(cells);
      } catch (e) {
        /* too many cells or no network: the grid is a help, not a must */
      }
    },
  },
};

function round(value) {
  return Math.round(value * 1e7) / 1e7;
}
