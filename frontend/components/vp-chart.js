import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** <vp-chart>: a uPlot time series with optional limit lines; data comes from the server as JSON. */
class VpChart extends HTMLElement {
  set data(json) {
    this._data = typeof json === 'string' ? JSON.parse(json) : json;
    this._render();
  }

  connectedCallback() { this._render(); }

  _render() {
    if (!this.isConnected || !this._data) return;
    if (this._plot) { this._plot.destroy(); this._plot = null; }
    const d = this._data;
    const series = [{}].concat(d.series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, dash: s.limit ? [6, 4] : undefined })));
    const opts = {
      width: this.clientWidth || 600,
      height: 200,
      title: d.title,
      series,
      axes: [{}, { label: d.unit }],
      scales: { x: { time: true } },
    };
    this._plot = new uPlot(opts, [d.times].concat(d.series.map((s) => s.values)), this);
  }

  disconnectedCallback() { if (this._plot) { this._plot.destroy(); this._plot = null; } }
}

customElements.define('vp-chart', VpChart);
