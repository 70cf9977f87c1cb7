// Passkey ceremonies against Spring Security's WebAuthn endpoints (the same calls as Spring's own
// spring-security-webauthn.js), for the panel's own login and account pages. Run once per page.
(function () {
  if (window.vpPasskeys) {
    return;
  }
  const b64 = {
    encode(buffer) {
      return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) {
        bytes[i] = bin.charCodeAt(i);
      }
      return bytes.buffer;
    },
  };
  function headers() {
    const meta = (name) => document.querySelector(`meta[name="${name}"]`);
    const token = meta("_csrf");
    const header = meta("_csrf_header");
    const h = { "Content-Type": "application/json" };
    if (token) {
      h[header ? header.content : "X-CSRF-TOKEN"] = token.content;
    }
    return h;
  }
  async function post(path, body) {
    const response = await fetch(path, { method: "POST", headers: headers(), body: body ? JSON.stringify(body) : undefined,
      credentials: "same-origin" });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    return response.json();
  }
  window.vpPasskeys = {
    supported() {
      return !!window.PublicKeyCredential;
    },
    async authenticate() {
      const options = await post("webauthn/authenticate/options");
      options.challenge = b64.decode(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }));
      const cred = await navigator.credentials.get({ publicKey: options });
      const r = cred.response;
      const result = await post("login/webauthn", {
        id: cred.id,
        rawId: b64.encode(cred.rawId),
        response: {
          authenticatorData: b64.encode(r.authenticatorData),
          clientDataJSON: b64.encode(r.clientDataJSON),
          signature: b64.encode(r.signature),
          userHandle: r.userHandle ? b64.encode(r.userHandle) : undefined,
        },
        credType: cred.type,
        clientExtensionResults: cred.getClientExtensionResults(),
        authenticatorAttachment: cred.authenticatorAttachment,
      });
      if (!result || !result.authenticated || !result.redirectUrl) {
        throw new Error("the panel did not accept the passkey");
      }
      return result.redirectUrl;
    },
    async register(label) {
      const options = await post("webauthn/register/options");
      options.user = { ...options.user, id: b64.decode(options.user.id) };
      options.challenge = b64.decode(options.challenge);
      options.excludeCredentials = (options.excludeCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }));
      const cred = await navigator.credentials.create({ publicKey: options });
      const r = cred.response;
      const result = await post("webauthn/register", {
        publicKey: {
          label,
          credential: {
            id: cred.id,
            rawId: b64.encode(cred.rawId),
            response: {
              attestationObject: b64.encode(r.attestationObject),
              clientDataJSON: b64.encode(r.clientDataJSON),
              transports: r.getTransports ? r.getTransports() : [],
            },
            type: cred.type,
            clientExtensionResults: cred.getClientExtensionResults(),
            authenticatorAttachment: cred.authenticatorAttachment,
          },
        },
      });
      if (!result || !result.success) {
        throw new Error("the panel did not register the passkey");
      }
      return true;
    },
  };
})();
