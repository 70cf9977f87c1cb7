package com.virtpanel.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The far side of a console relay, seen as a byte stream: the guest's VNC server on this host,
 * or, for a guest on another host, that host's panel instance relaying to it ({@link HostRelayEnd}).
 */
interface ConsoleEnd {

    /** Blocks until bytes arrive and puts them into {@code into}; -1 once the far side closed. */
    int read(ByteBuffer into) throws IOException;

    /**
     * Puts into {@code into} what has already arrived, without waiting; 0 when nothing has (or
     * the far side cannot tell without waiting). Called before any {@link #read}.
     */
    default int readArrived(ByteBuffer into) throws IOException {
        return 0;
    }

    /** Writes all of {@code from}, blocking until the far side took it (the back-pressure). */
    void write(ByteBuffer from) throws IOException;

    /** Closes the connection; a read blocked in another thread then ends. */
    void close();

    static ConsoleEnd of(SocketChannel vnc) {
        return new ConsoleEnd() {
            @Override
            public int read(ByteBuffer into) throws IOException {
                return vnc.read(into);
            }

            @Override
            public int readArrived(ByteBuffer into) throws IOException {
                vnc.configureBlocking(false);
                try {
                    return Math.max(vnc.read(into), 0); // a close is seen by the first read()
                } finally {
                    vnc.configureBlocking(true);
                }
            }

            @Override
            public void write(ByteBuffer from) throws IOException {
                while (from.hasRemaining()) {
                    vnc.write(from);
                }
            }

            @Override
            public void close() {
                try {
                    vnc.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        };
    }
}
