package com.virtpanel.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Opens a server's console WebSocket as an API client would (its ticket's path, the same bearer token). */
public final class ConsoleClient {

    private ConsoleClient() {
    }

    /** The VNC server's first bytes ("RFB 003.008\n") through the panel at {@code port}. */
    public static String rfbGreeting(int port, String path, String bearerToken) {
        var first = new CompletableFuture<String>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + bearerToken)
                .buildAsync(URI.create("ws://localhost:" + port + path), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                        byte[] bytes = new byte[data.remaining()];
                        data.get(bytes);
                        first.complete(new String(bytes, StandardCharsets.US_ASCII));
                        return null;
                    }
                }).join();
        try {
            return first.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no RFB greeting on " + path.replaceFirst("ticket=.*", "ticket=…"), e);
        } finally {
            socket.abort();
        }
    }
}
