package com.virtpanel.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.communication.JavaScriptBootstrapHandler;
import com.vaadin.flow.server.communication.PushRequestHandler;
import com.vaadin.flow.server.communication.UidlRequestHandler;
import com.vaadin.flow.server.communication.WebComponentBootstrapHandler;
import com.vaadin.flow.server.communication.WebComponentProvider;
import com.vaadin.flow.spring.SpringServlet;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.WebLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Views are served without a search of the class path; files and unsafe paths still take Vaadin's way;
 * no request passes the web-component handlers (the panel exports none).
 */
@IntegrationTest
class ViewsFirstServletIT {

    private static final Pattern SCRIPT = Pattern.compile("src=\"(?:\\./)?(VAADIN/build/[^\"]+\\.js)\"");
    private static final Pattern STYLE = Pattern.compile("href=\"(?:\\./)?(VAADIN/build/[^\"]+\\.css)\"");

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ServletRegistrationBean<SpringServlet> vaadin;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void viewsAndTheirScriptsAreServedTenAtOnce() throws Exception {
        String session = WebLogin.sessionId(port, users.newCustomer().email(), Users.PASSWORD);
        List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pages.add(http.sendAsync(get(i % 2 == 0 ? "/servers" : "/account", session), HttpResponse.BodyHandlers.ofString()));
        }
        String page = null;
        for (var answer : pages) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            page = response.body();
        }

        Matcher script = SCRIPT.matcher(page);
        assertThat(script.find()).as("the index page loads the built bundle: " + page).isTrue();
        HttpResponse<String> bundle = http.send(get("/" + script.group(1), session),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        Matcher style = STYLE.matcher(page);
        assertThat(style.find()).as("the index page loads the built styles: " + page).isTrue();
        assertThat(http.send(get("/" + style.group(1), session), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        assertThat(http.send(get("/VAADIN/build/no-such-file.js", session), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyAViewsAddressWithoutADotSkipsTheFileSearch() {
        ViewsFirstServlet servlet = (ViewsFirstServlet) vaadin.getServlet();
        http.sendAsync(get("/login", null), HttpResponse.BodyHandlers.discarding()).join(); // the servlet is up

        assertThat(servlet.namesAView(request("/servers"))).isTrue();
        assertThat(servlet.namesAView(request("/servers/42"))).isTrue();
        assertThat(servlet.namesAView(request("/login"))).isTrue();
        assertThat(servlet.namesAView(request("/VAADIN/build/indexhtml.js"))).isFalse();
        assertThat(servlet.namesAView(request("/icons/icon.png"))).isFalse();
        assertThat(servlet.namesAView(request("/servers/../../etc/passwd"))).isFalse();
        assertThat(servlet.namesAView(request("/servers/%2e%2e/secret"))).isFalse();
        assertThat(servlet.namesAView(request("/no-such-view"))).isFalse();
        assertThat(servlet.namesAView(request("/"))).isFalse();
    }

    @Test
    void noRequestAsksTheWebComponentRegistryAndItsLock() {
        http.sendAsync(get("/login", null), HttpResponse.BodyHandlers.discarding()).join(); // the servlet is up
        List<Class<?>> handlers = new ArrayList<>();
        vaadin.getServlet().getService().getRequestHandlers().forEach(handler -> handlers.add(handler.getClass()));

        assertThat(vaadin.getServlet().getService()).isInstanceOf(NoWebComponentsService.class);
        assertThat(handlers).doesNotContain(WebComponentProvider.class, WebComponentBootstrapHandler.class)
                .contains(UidlRequestHandler.class, JavaScriptBootstrapHandler.class, PushRequestHandler.class);
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath("/vaadinServlet");
        request.setPathInfo(path);
        return request;
    }

    private HttpRequest get(String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return request.build();
    }
}
