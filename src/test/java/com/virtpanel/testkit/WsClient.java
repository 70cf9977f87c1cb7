package com.virtpanel.testkit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal blocking WebSocket client (RFC 6455) over a plain socket: the upgrade with any
 * headers (Origin, Cookie, Authorization), binary frames out, the payload of binary frames in
 * as one byte stream, and the close code. Small enough that a benchmark measures the proxy
 * rather than the client, and explicit enough that a test sees the handshake's HTTP status.
 */
public final class WsClient implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int status;
    private final String statusLine;
    private int closeCode = -1;
    private String closeReason = "";
    private long remainingInFrame;
    private final byte[] mask = new byte[4];

    private WsClient(Socket socket, int status, String statusLine, DataInputStream in) throws IOException {
        this.socket = socket;
        this.status = status;
        this.statusLine = statusLine;
        this.in = in;
        this.out = socket.getOutputStream();
    }

    /** Opens the socket and sends the upgrade; check {@link #status()} for 101 before use. */
    public static WsClient connect(String host, int port, String pathAndQuery, Map<String, String> headers) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(30_000);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", host + ":" + port);
        all.put("Upgrade", "websocket");
        all.put("Connection", "Upgrade");
        all.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(key));
        all.put("Sec-WebSocket-Version", "13");
        all.putAll(headers);
        StringBuilder request = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n");
        all.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
        String statusLine = line(in);
        while (!line(in).isEmpty()) {
            // skip the response headers
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        WsClient client = new WsClient(socket, status, statusLine, in);
        if (status != 101) {
            socket.close();
        }
        return client;
    }

    public static WsClient connect(String host, int port, String pathAndQuery) throws IOException {
        return connect(host, port, pathAndQuery, Map.of());
    }

    public int status() {
        return status;
    }

    public boolean upgraded() {
        return status == 101;
    }

    public String statusLine() {
        return statusLine;
    }

    public void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Sends one masked binary frame. */
    public void send(byte[] data) throws IOException {
        send(data, 0, data.length);
    }

    public void send(byte[] data, int off, int len) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(len + 14);
        frame.write(0x82);
        if (len < 126) {
            frame.write(0x80 | len);
        } else if (len < 65536) {
            frame.write(0x80 | 126);
            frame.write(len >>> 8);
            frame.write(len);
        } else {
            frame.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                frame.write((int) ((long) len >>> (8 * i)));
            }
        }
        RANDOM.nextBytes(mask);
        frame.write(mask, 0, 4);
        for (int i = 0; i < len; i++) {
            frame.write(data[off + i] ^ mask[i & 3]);
        }
        frame.writeTo(out);
        out.flush();
    }

    /**
     * Reads up to {@code len} payload bytes of binary frames into {@code buf}; returns -1 once
     * the server closed (see {@link #closeCode()}).
     */
    public int read(byte[] buf, int off, int len) throws IOException {
        while (remainingInFrame == 0) {
            if (!nextFrame()) {
                return -1;
            }
        }
        int n = in.read(buf, off, (int) Math.min(len, remainingInFrame));
        if (n < 0) {
            throw new EOFException("connection ended inside a frame");
        }
        remainingInFrame -= n;
        return n;
    }

    public byte[] readExactly(int n) throws IOException {
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int r = read(b, got, n - got);
            if (r < 0) {
                throw new EOFException("closed with " + closeCode + " after " + got + " of " + n + " bytes");
            }
            got += r;
        }
        return b;
    }

    /** Reads and drops payload until the server closes; returns the close code (1006 when the TCP connection just ended). */
    public int awaitClose() throws IOException {
        byte[] sink = new byte[65536];
        try {
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        } catch (EOFException | java.net.SocketException e) {
            closeCode = closeCode < 0 ? 1006 : closeCode;
        }
        return closeCode;
    }

    /** True if the server sends nothing and does not close within the socket timeout. */
    public boolean quiet() throws IOException {
        try {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 0;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    /** Sends a close frame (1000) and closes the socket. */
    @Override
    public void close() throws IOException {
        if (!socket.isClosed()) {
            try {
                out.write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xe8});
                out.flush();
            } catch (IOException ignored) {
                // already gone
            }
            socket.close();
        }
    }

    private boolean nextFrame() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            closeCode = closeCode < 0 ? 1006 : closeCode;
            return false;
        }
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = in.readLong();
        }
        int opcode = b0 & 0x0f;
        if (opcode == 0x8) {
            byte[] body = new byte[(int) len];
            in.readFully(body);
            closeCode = body.length >= 2 ? ((body[0] & 0xff) << 8) | (body[1] & 0xff) : 1005;
            closeReason = body.length > 2 ? new String(body, 2, body.length - 2, StandardCharsets.UTF_8) : "";
            socket.close();
            return false;
        }
        if (opcode == 0x9 || opcode == 0xA || opcode == 0x1) {
            in.skipNBytes(len); // pings (and text, which a console never sends) carry no console bytes
            return true;
        }
        remainingInFrame = len; // binary (0x2) or continuation (0x0)
        return true;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        if (c < 0 && sb.length() == 0) {
            throw new EOFException("no HTTP response");
        }
        return sb.toString();
    }
}
