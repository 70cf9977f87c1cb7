import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * <vp-chart>: a uPlot time series chart for the server page.
 *
 * The server sets the `data` property to JSON:
 *   { title, unit, digits, start, end,            // start/end: the x range in Unix seconds
 *     times: [s, ...],                            // Unix seconds; null values in a series are gaps
 *     series: [{ label, color, values: [...] }],
 *     limits: [{ label, value }] }                // drawn as dashed horizontal lines
 *
 * After each render the element reports `data-points` (number of x values) and
 * `data-limits` (limit values, comma separated) as attributes, for tests and debugging.
 */
class VpChart extends HTMLElement {
  connectedCallback() {
    // a property set before this element was defined shadows the setter: re-apply it
    if (Object.prototype.hasOwnProperty.call(this, 'data')) {
      const value = this.data;
      delete this.data;
      this.data = value;
    }
    this.style.display = 'block';
    this.style.position = 'relative';
    if (!this._resizeObserver) {
      this._resizeObserver = new ResizeObserver(() => this._resize());
    }
    this._resizeObserver.observe(this);
    this._render();
  }

  disconnectedCallback() {
    if (this._resizeObserver) this._resizeObserver.disconnect();
    this._destroy();
  }

  set data(json) {
    this._data = typeof json === 'string' ? (json ? JSON.parse(json) : null) : json;
    this._render();
  }

  get data() {
    return this._data;
  }

  _destroy() {
    if (this._plot) {
      this._plot.destroy();
      this._plot = null;
    }
  }

  _width() {
    return Math.max(280, Math.floor(this.clientWidth || (this.parentElement && this.parentElement.clientWidth) || 600));
  }

  _resize() {
    if (this._plot) {
      const width = this._width();
      if (Math.abs(width - this._plot.width) > 2) this._plot.setSize({ width, height: this._plot.height });
    }
  }

  _render() {
    if (!this.isConnected || !this._data) return;
    this._destroy();
    this.textContent = '';
    const d = this._data;
    const digits = d.digits == null ? 1 : d.digits;
    const fmt = (v) => (v == null ? '–' : Number(v).toFixed(digits));
    const limits = d.limits || [];
    const limitMax = limits.reduce((m, l) => Math.max(m, l.value), 0);

    const series = [{ value: (u, t) => (t == null ? '–' : new Date(t * 1000).toLocaleString()) }].concat(
      d.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        fill: s.color + '22',
        width: 1.5,
        spanGaps: false,
        value: (u, v) => (v == null ? '–' : `${fmt(v)} ${d.unit}`),
      })),
    );

    const opts = {
      width: this._width(),
      height: d.height || 190,
      title: d.title,
      series,
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: () => [d.start, d.end] },
        // from zero, and high enough that the plan's limit line is always in view
        y: { range: (u, min, max) => [0, Math.max(max || 0, limitMax, d.minTop || 1) * 1.12] },
      },
      axes: [
        {},
        { label: d.unit, size: 62, values: (u, ticks) => ticks.map((t) => Number(t).toFixed(t < 10 && digits > 0 ? 1 : 0)) },
      ],
      hooks: { draw: [(u) => this._drawLimits(u, limits)] },
    };
    const data = [d.times].concat(d.series.map((s) => s.values));
    this._plot = new uPlot(opts, data, this);

    if (d.times.length === 0) {
      const empty = document.createElement('div');
      empty.className = 'vp-chart-empty';
      empty.textContent = d.empty || 'No data for this period yet.';
      Object.assign(empty.style, {
        position: 'absolute', left: '0', right: '0', top: '45%', textAlign: 'center',
        color: 'var(--lumo-secondary-text-color, #666)', pointerEvents: 'none',
      });
      this.appendChild(empty);
    }
    this.setAttribute('data-points', String(d.times.length));
    this.setAttribute('data-limits', limits.map((l) => l.value).join(','));
  }

  /** Dashed horizontal line and label for each limit, drawn on the plot's canvas. */
  _drawLimits(u, limits) {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    limits.forEach((l) => {
      const y = Math.round(u.valToPos(l.value, 'y', true));
      if (y < top || y > top + height) return;
      ctx.save();
      ctx.strokeStyle = l.color || '#c62828';
      ctx.fillStyle = l.color || '#c62828';
      ctx.lineWidth = Math.max(1, devicePixelRatio);
      ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `${11 * devicePixelRatio}px sans-serif`;
      ctx.textAlign = 'right';
      ctx.fillText(l.label, left + width - 4 * devicePixelRatio, y - 4 * devicePixelRatio);
      ctx.restore();
    });
  }
}

if (!customElements.get('vp-chart')) {
  customElements.define('vp-chart', VpChart);
}
