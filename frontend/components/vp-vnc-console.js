import RFB from '@novnc/novnc';

/** Characters that need Shift on a US keyboard: the guest's keymap maps keysyms to keys. */
const SHIFTED = '~!@#$%^&*()_+{}|:"<>?';
const XK_SHIFT_L = 0xffe1;
const XK_RETURN = 0xff0d;
const XK_TAB = 0xff09;

/**
 * <vp-vnc-console>: a thin wrapper around noVNC's RFB. The server side hands it a
 * single-use WebSocket path; it never sees a password or a reusable secret. It opens the
 * WebSocket itself (and gives it to RFB) so that it can report the close code the proxy
 * sends: 4001 server stopped, 4002 deleted or reinstalled, 4003 access ended.
 *
 * Fires 'status-changed' with detail {status, code, reason, wasConnected}; status is one of
 * connecting, connected, disconnected, failed.
 */
class VpVncConsole extends HTMLElement {
  connectedCallback() {
    if (!this._screen) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this.style.overflow = 'hidden';
      this._screen = document.createElement('div');
      this._screen.className = 'vp-vnc-screen';
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
    let closeInfo = { code: 0, reason: '' };
    let connected = false;
    let ws;
    try {
      ws = new WebSocket(url, ['binary']);
    } catch (e) {
      this._status('failed');
      return;
    }
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('close', (e) => { closeInfo = { code: e.code, reason: e.reason }; });
    const rfb = new RFB(this._screen, ws, { shared: true });
    rfb.scaleViewport = this.hasAttribute('scale');
    rfb.background = '#000';
    rfb.focusOnClick = true;
    rfb.addEventListener('connect', () => {
      connected = true;
      this._status('connected');
      rfb.focus();
    });
    rfb.addEventListener('disconnect', (e) => {
      if (this._rfb === rfb) this._rfb = null;
      // the socket's close event carries the proxy's reason; let it land first
      setTimeout(() => this._status(e.detail.clean && connected ? 'disconnected' : 'failed',
        closeInfo.code, closeInfo.reason, connected), 0);
    });
    rfb.addEventListener('securityfailure', () => this._status('failed', 0, 'security failure', connected));
    this._rfb = rfb;
  }

  disconnect() {
    if (this._rfb) {
      const rfb = this._rfb;
      this._rfb = null;
      try { rfb.disconnect(); } catch (e) { /* already closed */ }
    }
  }

  sendCtrlAltDel() {
    if (this._rfb) { this._rfb.sendCtrlAltDel(); this._rfb.focus(); }
  }

  /** Types text on the guest's keyboard, key by key (there is no clipboard in a text console). */
  sendText(text) {
    const rfb = this._rfb;
    if (!rfb || !text) return;
    for (const ch of text) {
      if (ch === '\r') continue;
      if (ch === '\n') { rfb.sendKey(XK_RETURN, 'Enter'); continue; }
      if (ch === '\t') { rfb.sendKey(XK_TAB, 'Tab'); continue; }
      const code = ch.codePointAt(0);
      const keysym = code < 0x100 ? code : 0x01000000 + code;
      const shift = SHIFTED.includes(ch) || (ch >= 'A' && ch <= 'Z');
      if (shift) rfb.sendKey(XK_SHIFT_L, 'ShiftLeft', true);
      rfb.sendKey(keysym, null);
      if (shift) rfb.sendKey(XK_SHIFT_L, 'ShiftLeft', false);
    }
    rfb.focus();
  }

  /** The clipboard's text, or '' when the browser does not allow reading it (within a second). */
  readClipboard() {
    if (!navigator.clipboard || !navigator.clipboard.readText) return Promise.resolve('');
    const timeout = new Promise((resolve) => setTimeout(() => resolve(''), 1000));
    return Promise.race([navigator.clipboard.readText().catch(() => ''), timeout]);
  }

  setScale(on) {
    if (on) this.setAttribute('scale', ''); else this.removeAttribute('scale');
    if (this._rfb) this._rfb.scaleViewport = on;
  }

  focusScreen() { if (this._rfb) this._rfb.focus(); }

  _status(state, code = 0, reason = '', wasConnected = false) {
    this.setAttribute('status', state);
    // the last few transitions, for support and for tests that need to say why a console failed
    this._history = (this._history || []).concat(`${state}${code ? ' ' + code : ''}${reason ? ' ' + reason : ''}`).slice(-10);
    this.setAttribute('data-history', this._history.join(', '));
    this.dispatchEvent(new CustomEvent('status-changed',
      { detail: { status: state, code, reason, wasConnected } }));
  }

  /**
   * Vaadin may detach and re-attach the element while it renders the page; only a console
   * that stays detached is closed (closing a socket still connecting shows as a failure).
   */
  disconnectedCallback() {
    setTimeout(() => { if (!this.isConnected) this.disconnect(); }, 0);
  }
}

customElements.define('vp-vnc-console', VpVncConsole);
