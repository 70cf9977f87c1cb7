package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

/**
 * "Firefox on Linux" from a User-Agent header: enough for a person to recognise their own
 * devices, without a parser library or a database of agents.
 */
final class UserAgents {

    private UserAgents() {
    }

        /** "Firefox on Linux" in English; see {@link #described}. */
    static String summary(String agent) {
        return described(agent).english();
    }

    /** "Firefox on Linux", "Firefox на Linux": the names stay, the words around them are the reader's. */
    static UserMessage described(String agent) {
        if (agent == null || agent.isBlank()) {
            return UserMessage.of("account.client.unknown");
        }
        String browser = browser(agent);
        String system = system(agent);
        return system == null ? UserMessage.of("account.client.browser", browser) : UserMessage.of("account.client.browser-on", browser, system);
    }

    private static String browser(String a) {
        if (a.contains("Edg/")) {
            return "Edge";
        }
        if (a.contains("OPR/")) {
            return "Opera";
        }
        if (a.contains("Firefox/")) {
            return "Firefox";
        }
        if (a.contains("HeadlessChrome/")) {
            return "Headless Chrome";
        }
        if (a.contains("Chrome/") || a.contains("Chromium/")) {
            return "Chrome";
        }
        if (a.contains("Safari/")) {
            return "Safari";
        }
        int slash = a.indexOf('/');
        String product = (slash > 0 ? a.substring(0, slash) : a).strip();
        return product.length() > 40 ? product.substring(0, 40) : product;
    }

    private static String system(String a) {
        if (a.contains("Android")) {
            return "Android";
        }
        if (a.contains("iPhone") || a.contains("iPad")) {
            return "iOS";
        }
        if (a.contains("Windows")) {
            return "Windows";
        }
        if (a.contains("Mac OS X") || a.contains("Macintosh")) {
            return "macOS";
        }
        if (a.contains("CrOS")) {
            return "ChromeOS";
        }
        if (a.contains("Linux") || a.contains("X11")) {
            return "Linux";
        }
        return null;
    }
}
