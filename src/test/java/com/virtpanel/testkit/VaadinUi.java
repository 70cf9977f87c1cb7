package com.virtpanel.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser tab's UI in Vaadin's own protocol, as Flow's client speaks it: made from the
 * answer to {@code v-r=init}, it writes each UIDL request's body and follows the sync and
 * client ids through the answers. Sending is the caller's (a test asserts on the answer, a
 * benchmark times it), so this holds no HTTP. One request at a time per tab, as a browser does.
 */
public final class VaadinUi {

    /** What the page's poll sends (Flow.js: the UI's {@code ui-poll} event). */
    public static final String POLL = "{\"type\":\"event\",\"node\":1,\"event\":\"ui-poll\"}";

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(-?\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\"\\s*:\\s*(\\d+)");

    public final int uiId;
    public final String securityKey;
    /** Null when the UI has no push channel. */
    public final String pushId;
    private int syncId;
    private int clientId;

    public VaadinUi(String init) {
        this.uiId = Integer.parseInt(find(UI_ID, init, "v-uiId"));
        this.securityKey = find(SECURITY_KEY, init, "Vaadin-Security-Key");
        Matcher push = PUSH_ID.matcher(init);
        this.pushId = push.find() ? push.group(1) : null;
        this.syncId = Integer.parseInt(find(SYNC_ID, init, "syncId"));
        Matcher client = CLIENT_ID.matcher(init);
        this.clientId = client.find() ? Integer.parseInt(client.group(1)) : 0;
    }

    /** What the client router sends when a link is followed (Flow.js: {@code sendEvent('ui-navigate', ...)}). */
    public static String navigate(String route, String query) {
        return "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"" + query + "\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"link\"}}";
    }

    /** Where UIDL requests go, from the context root. */
    public String path() {
        return "/?v-r=uidl&v-uiId=" + uiId;
    }

    /** The request body carrying this invocation. */
    public String request(String rpc) {
        return "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[" + rpc + "],\"syncId\":" + syncId + ",\"clientId\":" + clientId + "}";
    }

    /**
     * Takes the answer to the last request: the ids the next one must carry. A refusal (not 200, an
     * expired session, an application error) throws, with the start of what the server said.
     */
    public String answered(int status, String body) {
        if (status != 200 || body.contains("\"sessionExpired\"") || body.contains("\"appError\"")) {
            throw new IllegalStateException("UIDL refused: " + status + " " + body.substring(0, Math.min(300, body.length())));
        }
        syncId = Integer.parseInt(find(SYNC_ID, body, "syncId"));
        Matcher client = CLIENT_ID.matcher(body);
        clientId = client.find() ? Integer.parseInt(client.group(1)) : clientId + 1;
        return body;
    }

    private static String find(Pattern p, String text, String what) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in " + text.substring(0, Math.min(400, text.length())));
        }
        return m.group(1);
    }
}
