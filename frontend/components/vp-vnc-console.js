import RFB from '@novnc/novnc';

/**
 * <vp-vnc-console>: a thin wrapper around noVNC's RFB. The server side hands it a
 * single-use WebSocket path; it never sees a password or a reusable secret.
 */
class VpVncConsole extends HTMLElement {
  connectedCallback() {
    if (!this._screen) {
      this._screen = document.createElement('div');
      this._screen.style.width = '100%';
      this._screen.style.height = '100%';
      this.appendChild(this._screen);
    }
  }

  connect(path) {
    this.disconnect();
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${scheme}//${window.location.host}${path}`;
    this._status('connecting');
    const rfb = new RFB(this._screen, url, { wsProtocols: ['binary'] });
    rfb.scaleViewport = this.hasAttribute('scale');
    rfb.background = '#000';
    rfb.addEventListener('connect', () => this._status('connected'));
    rfb.addEventListener('disconnect', (e) => this._status(e.detail.clean ? 'disconnected' : 'failed'));
    rfb.addEventListener('securityfailure', () => this._status('failed'));
    this._rfb = rfb;
  }

  disconnect() {
    if (this._rfb) {
      try { this._rfb.disconnect(); } catch (e) { /* already closed */ }
      this._rfb = null;
    }
  }

  sendCtrlAltDel() { this._rfb && this._rfb.sendCtrlAltDel(); }

  sendText(text) {
    if (!this._rfb || !text) return;
    for (const ch of text) {
      const code = ch.codePointAt(0);
      const keysym = ch === '\n' ? 0xff0d : (code < 0x100 ? code : 0x01000000 + code);
      this._rfb.sendKey(keysym, null);
    }
  }

  setScale(on) {
    if (on) this.setAttribute('scale', ''); else this.removeAttribute('scale');
    if (this._rfb) this._rfb.scaleViewport = on;
  }

  focusScreen() { this._rfb && this._rfb.focus(); }

  _status(state) {
    this.setAttribute('status', state);
    this.dispatchEvent(new CustomEvent('status-changed', { detail: { status: state } }));
  }

  disconnectedCallback() { this.disconnect(); }
}

customElements.define('vp-vnc-console', VpVncConsole);
