package com.virtpanel.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Maps the relay at /console/ws/{serverId}, and at /console/relay/{serverId} for consoles
 * forwarded from other hosts' instances (Spring's handler mapping, which runs before
 * Vaadin's catch-all; Vaadin's push keeps its own endpoint). Spring's own origin check is
 * switched off because {@link ConsoleHandshake} applies {@link OriginPolicy}, which also
 * knows the configured extra origins and the API clients that send none.
 */
@Configuration
@EnableWebSocket
class ConsoleWebSocketConfig implements WebSocketConfigurer {

    private final ConsoleRelay relay;
    private final ConsoleHandshake handshake;
    private final RelayHandshake forwarding;

    ConsoleWebSocketConfig(ConsoleRelay relay, ConsoleHandshake handshake, RelayHandshake forwarding) {
        this.relay = relay;
        this.handshake = handshake;
        this.forwarding = forwarding;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(relay, ConsoleTickets.PATH + "*").addInterceptors(handshake).setAllowedOriginPatterns("*");
        // consoles forwarded by the instances of other hosts (ConsoleTargets); no browser comes here
        registry.addHandler(relay, ConsoleTargets.RELAY_PATH + "*").addInterceptors(forwarding).setAllowedOriginPatterns("*");
    }
}
