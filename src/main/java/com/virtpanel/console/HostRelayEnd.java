package com.virtpanel.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A console forwarded to the panel instance of the guest's host, over a WebSocket to its relay
 * endpoint ({@link RelayHandshake}). Frames are asked for one at a time, only when the pump has
 * taken the previous one: the host instance's VNC reads wait for the browser, as they do locally.
 */
final class HostRelayEnd implements ConsoleEnd, WebSocket.Listener {

    /** The header that carries the relay ticket; never the URL, which proxies and logs keep. */
    static final String TICKET_HEADER = "X-Console-Relay";
    private static final ByteBuffer CLOSED = ByteBuffer.allocate(0);

    private final BlockingQueue<ByteBuffer> arrived = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private ByteBuffer current = ByteBuffer.allocate(0);
    private ByteBuffer partial;
    private WebSocket socket;

    private HostRelayEnd() {
    }

    /** Opens the forwarding; an instance that does not answer within {@code timeout} fails it. */
    static HostRelayEnd open(HttpClient client, URI relay, String ticket, Duration timeout) throws IOException {
        HostRelayEnd end = new HostRelayEnd();
        try {
            end.socket = client.newWebSocketBuilder().header(TICKET_HEADER, ticket).connectTimeout(timeout)
                    .buildAsync(relay, end).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return end;
        } catch (ExecutionException e) {
            throw new IOException("the host's panel instance refused the console (" + e.getCause() + ")", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the host's panel instance did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding the console", e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        // the buffer is only ours until this returns: copied, and whole messages handed on
        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
        partial = partial == null ? copy : ByteBuffer.allocate(partial.remaining() + copy.remaining()).put(partial).put(copy).flip();
        if (last) {
            arrived.add(partial);
            partial = null;
        } else {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        arrived.add(CLOSED);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        arrived.add(CLOSED);
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        if (!current.hasRemaining()) {
            if (closed.get()) {
                return -1;
            }
            try {
                current = arrived.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (current == CLOSED) {
                closed.set(true);
                return -1;
            }
            socket.request(1); // the next message may come while this one is written to the browser
        }
        int n = Math.min(into.remaining(), current.remaining());
        ByteBuffer slice = current.slice(current.position(), n);
        into.put(slice);
        current.position(current.position() + n);
        return n;
    }

    @Override
    public void write(ByteBuffer from) throws IOException {
        ByteBuffer copy = ByteBuffer.allocate(from.remaining()).put(from).flip();
        try {
            socket.sendBinary(copy, true).get();
        } catch (ExecutionException e) {
            throw new IOException("the host's panel instance closed the console", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Ends the forwarding; a read waiting in the pump returns -1. Aborting twice is harmless. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            arrived.add(CLOSED);
        }
        socket.abort();
    }
}
