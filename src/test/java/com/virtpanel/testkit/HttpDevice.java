package com.virtpanel.testkit;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser without a browser: a cookie jar that signs in through the login form (with its
 * CSRF token, optionally ticking "Keep me signed in") and then asks for pages, so tests can hold
 * several sessions of one account and see which of them still work.
 */
public final class HttpDevice {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public HttpDevice(int port, String userAgent) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        this.userAgent = userAgent;
    }

    private final String userAgent;

    /** Signs in through the form; fails the test if the form does not accept the credentials. */
    public HttpDevice signIn(String email, String password, boolean keepSignedIn) {
        String form = "username=" + enc(email) + "&password=" + enc(password)
                + (keepSignedIn ? "&remember-me=on" : "") + csrf("/login");
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + posted.statusCode() + " → " + location);
        }
        return this;
    }

    /** True when a page of the panel opens, false when the request is sent to the login page. */
    public boolean signedIn() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/servers")).GET());
        if (page.statusCode() == 200) {
            return true;
        }
        if (page.statusCode() == 302 && page.headers().firstValue("Location").orElse("").contains("/login")) {
            return false;
        }
        throw new IllegalStateException("unexpected answer " + page.statusCode() + " " + page.headers().map());
    }

    /** Posts a form the way a page of the panel would (with the CSRF token of a page); returns the status. */
    public int post(String path, java.util.Map<String, String> fields) {
        StringBuilder form = new StringBuilder(csrf("/servers").substring(1));
        fields.forEach((k, v) -> form.append('&').append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))).statusCode();
    }

    /** "&amp;name=token" from the CSRF meta tags of a page, or "" when it has none. */
    private String csrf(String page) {
        String html = send(HttpRequest.newBuilder(URI.create(base + page)).GET()).body();
        String parameter = "_csrf";
        String token = null;
        Matcher m = META.matcher(html);
        while (m.find()) {
            if (m.group(1).equals("_csrf")) {
                token = m.group(2);
            } else {
                parameter = m.group(2);
            }
        }
        return token == null ? "" : "&" + enc(parameter) + "=" + enc(token);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).reduce((a, b) -> b);
    }

    public String sessionId() {
        return cookie("JSESSIONID").orElseThrow(() -> new IllegalStateException("no session"));
    }

    /** The browser was closed: the session cookie is gone, a remember-me cookie stays. */
    public void closeBrowser() {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("User-Agent", userAgent).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
