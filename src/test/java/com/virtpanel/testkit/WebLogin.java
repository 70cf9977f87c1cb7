package com.virtpanel.testkit;

import com.virtpanel.base.security.RememberMe;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in over plain HTTP, the way the login page's form does (with its CSRF token), and
 * gives the session cookie: for tests that need a real HTTP session without a browser.
 */
public final class WebLogin {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    private WebLogin() {
    }

    /** Returns the JSESSIONID of a fresh session signed in as this user. */
    public static String sessionId(int port, String email, String password) {
        return signIn(port, email, password, false).sessionId();
    }

    /** A sign-in's answer and the session cookie it left; {@code remember} ticks "Keep me signed in". */
    public record SignedIn(HttpResponse<String> response, String sessionId) {
    }

    public static SignedIn signIn(int port, String email, String password, boolean remember) {
        try {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://localhost:" + port;
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String parameter = "_csrf";
            String token = null;
            Matcher m = META.matcher(page);
            while (m.find()) {
                if (m.group(1).equals("_csrf")) {
                    token = m.group(2);
                } else {
                    parameter = m.group(2);
                }
            }
            String form = "username=" + enc(email) + "&password=" + enc(password) + (token == null ? "" : "&" + enc(parameter) + "=" + enc(token))
                    + (remember ? "&" + RememberMe.PARAMETER + "=on" : "");
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = posted.headers().firstValue("Location").orElse("");
            if (posted.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("sign-in failed: " + posted.statusCode() + " → " + location);
            }
            return new SignedIn(posted, cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no session cookie after sign-in")));
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
