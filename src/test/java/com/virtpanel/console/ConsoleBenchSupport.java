package com.virtpanel.console;

import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * For the proxy benchmark: the panel's own relay (same handler, same web server, same buffers)
 * mapped once more at {@value #PATH}, where it is pointed at any TCP backend instead of a
 * guest. No ticket there: it exists only in the benchmark's application context.
 */
public final class ConsoleBenchSupport {

    public static final String PATH = "/console/ws/bench";
    private static volatile InetSocketAddress target;
    private static volatile long serverId;
    private static volatile long accountId;

    private ConsoleBenchSupport() {
    }

    /**
     * Where connections to {@value #PATH} are relayed to, on behalf of a real running server
     * and its owner: the panel's periodic console check closes consoles of servers that are
     * not running, as it should.
     */
    public static void target(InetSocketAddress backend, long server, long account) {
        target = backend;
        serverId = server;
        accountId = account;
    }

    @TestConfiguration
    public static class Routes {
        @Bean
        WebSocketConfigurer benchRoute(ConsoleRelay relay) {
            return registry -> registry.addHandler(relay, PATH).addInterceptors(new HandshakeInterceptor() {
                @Override
                public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler h,
                        Map<String, Object> attributes) {
                    attributes.put(ConsoleHandshake.GRANT, new ConsoleGrant(0, serverId, "bench", accountId, accountId, "bench", accountId, "bench",
                            "127.0.0.1", target));
                    return true;
                }

                @Override
                public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler h,
                        Exception e) {
                }
            }).setAllowedOriginPatterns("*");
        }
    }
}
