package com.virtpanel.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A TCP connection to a guest's VNC server, begun before it is known to be wanted. The
 * handshake starts it as soon as the used-up ticket names the address and checks the ticket's
 * bindings meanwhile, so QEMU accepts and writes its greeting while the database answers
 * (a non-blocking connect: no thread waits for it). Nothing is read from or written to it
 * until the ticket is granted; a refused ticket closes it unread.
 */
final class VncDial implements AutoCloseable {

    private final InetSocketAddress target;
    private final SocketChannel channel;

    private VncDial(InetSocketAddress target, SocketChannel channel) {
        this.target = target;
        this.channel = channel;
    }

    /** Starts connecting; an address that fails at once fails again in {@link #finish}. */
    static VncDial begin(InetSocketAddress target) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            channel.connect(target);
            return new VncDial(target, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            return new VncDial(target, null);
        }
    }

    InetSocketAddress target() {
        return target;
    }

    /** The connected socket, in blocking mode, for the relay; the dial's socket is closed if it failed. */
    SocketChannel finish(int timeoutMs) throws IOException {
        if (channel == null) {
            throw new IOException("could not begin connecting to " + target);
        }
        try {
            if (!channel.finishConnect()) {
                awaitConnect(timeoutMs);
            }
            channel.configureBlocking(true);
            return channel;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitConnect(int timeoutMs) throws IOException {
        // Closing the selector deregisters the channel, so that it may block again afterwards.
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_CONNECT);
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            while (!channel.finishConnect()) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new SocketTimeoutException("connect to " + target + " timed out");
                }
                selector.select(left);
                selector.selectedKeys().clear();
            }
        }
    }

    /** Gives the connection up (a refused ticket, or a failed upgrade): QEMU sees a client that left. */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
