package com.virtpanel.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.base.security.RememberMe;
import com.virtpanel.base.security.TrackedSessionRegistry;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.WebLogin;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/** What the panel relies on from its web server, where Jetty's defaults differ. */
@IntegrationTest
@Import(JettyWebServerIT.ProbeRoute.class)
class JettyWebServerIT {

    static final String PROBE = "/console/ws/jetty-probe"; // where the security rules let a WebSocket in without a session

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired TrackedSessionRegistry sessions;
    @Autowired ServletContext servletContext;

    @Test
    void aSessionCookieCarriesItsSessionsIdAndBothSignInCookiesAreHttpOnlyAndSameSiteLax() {
        WebLogin.SignedIn signedIn = WebLogin.signIn(port, users.newCustomer().email(), Users.PASSWORD, true);

        assertThat(sessions.getSessionInformation(signedIn.sessionId())).as("the session the cookie names").isNotNull();
        assertThat(signedIn.response().headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=" + signedIn.sessionId() + ";")
                        .contains("HttpOnly").containsIgnoringCase("SameSite=Lax"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith(RememberMe.COOKIE + "=")
                        .contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void webSocketsStayOpenWhileNothingIsSentAndAPushWaitsTwentySecondsAtMostForItsBrowser() {
        assertThat(JettyWebSocketServerContainer.getContainer(servletContext).getIdleTimeout()).isEqualTo(Duration.ZERO);
        ServerContainer push = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
        assertThat(push.getDefaultMaxSessionIdleTimeout()).isZero();
        assertThat(push.getDefaultAsyncSendTimeout()).isEqualTo(20_000);
    }

    @Test
    void aMessageLargerThanJettysDefaultLimitArrivesWhole() throws Exception {
        Client client = Client.open(port);
        client.ws.sendBinary(ByteBuffer.allocate(512 * 1024), true).get(10, TimeUnit.SECONDS);
        assertThat(client.text.get(10, TimeUnit.SECONDS)).isEqualTo("got " + 512 * 1024);
        client.ws.abort();
    }

    @Test
    void anAbortedWebSocketFailsTheSendThatWaitsForItsPeer() throws Exception {
        Client client = Client.open(port); // asks for no message: what the server sends piles up
        client.ws.sendText("flood", true).get(10, TimeUnit.SECONDS);
        WebSocketSession server = Probe.opened.get(10, TimeUnit.SECONDS);
        Thread.sleep(500);

        WebSocketAbort.abort(server, CloseStatus.GOING_AWAY);

        assertThat(Probe.floodEnded.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        client.ws.abort();
    }

    /** A client that reads one text message, and nothing after it. */
    record Client(WebSocket ws, CompletableFuture<String> text) {
        static Client open(int port) throws Exception {
            CompletableFuture<String> text = new CompletableFuture<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + PROBE), new WebSocket.Listener() {
                        @Override
                        public void onOpen(WebSocket w) {
                        }

                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            text.complete(data.toString());
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                            return null; // and asks for no more
                        }
                    }).get(10, TimeUnit.SECONDS);
            ws.request(1);
            return new Client(ws, text);
        }
    }

    /** Answers a binary message with its size; on "flood", sends 1 MiB messages until a send fails. */
    static class Probe extends AbstractWebSocketHandler {
        static final CompletableFuture<WebSocketSession> opened = new CompletableFuture<>();
        static final CompletableFuture<Exception> floodEnded = new CompletableFuture<>();

        @Override
        protected void handleBinaryMessage(WebSocketSession s, BinaryMessage message) throws IOException {
            s.sendMessage(new TextMessage("got " + message.getPayloadLength()));
        }

        @Override
        protected void handleTextMessage(WebSocketSession s, TextMessage message) {
            opened.complete(s);
            Thread flood = new Thread(() -> {
                try {
                    while (true) {
                        s.sendMessage(new BinaryMessage(new byte[1 << 20]));
                    }
                } catch (Exception e) {
                    floodEnded.complete(e);
                }
            });
            flood.setDaemon(true);
            flood.start();
        }
    }

    @TestConfiguration
    static class ProbeRoute {
        @Bean
        WebSocketConfigurer jettyProbeRoute() {
            return registry -> registry.addHandler(new Probe(), PROBE).setAllowedOriginPatterns("*");
        }
    }
}
