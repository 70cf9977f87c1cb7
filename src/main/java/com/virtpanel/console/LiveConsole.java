package com.virtpanel.console;

import com.virtpanel.base.web.WebSocketAbort;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open console: a WebSocket and the guest's VNC socket (or the host instance relaying to it), joined. Both directions block on
 * the slower side, which is the back-pressure: the pump reads from VNC only once the browser
 * has taken the previous frame, and a web server thread writing to VNC does not read the next
 * WebSocket frame until VNC took this one. Only the pump thread sends on the WebSocket, so
 * sends never interleave; closing from elsewhere closes the VNC socket and lets the pump end.
 */
final class LiveConsole implements Runnable {

    /** Room for what VNC sent before the relay began: its 12-byte greeting; anything more waits for the pump. */
    private static final int GREETING_BYTES = 64;

    final String id = UUID.randomUUID().toString();
    final ConsoleGrant grant;
    final Instant openedAt;
    private final WebSocketSession ws;
    private final ConsoleEnd vnc;
    private final int bufferBytes;
    private final Consumer<LiveConsole> onEnd;
    private final Supplier<CloseReason> whyVncClosed;
    private final AtomicReference<CloseReason> reason = new AtomicReference<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean audited;
    /** When the send to the browser under way began ({@link System#nanoTime()}), 0 between sends. */
    private volatile long sendingSince;

    /**
     * @param whyVncClosed why the console ends when the guest's side closed by itself, read from
     *                     the facts: QEMU closes it when a delete or reinstall destroys the guest,
     *                     which may come before that request's own close of the console
     */
    LiveConsole(ConsoleGrant grant, WebSocketSession ws, ConsoleEnd vnc, int bufferBytes, Instant openedAt,
            Consumer<LiveConsole> onEnd, Supplier<CloseReason> whyVncClosed) {
        this.grant = grant;
        this.ws = ws;
        this.vnc = vnc;
        this.bufferBytes = bufferBytes;
        this.openedAt = openedAt;
        this.onEnd = onEnd;
        this.whyVncClosed = whyVncClosed;
    }

    /**
     * Starts relaying. What VNC has already sent (its greeting, as a rule: the connection was begun
     * while the ticket was checked) goes out on the calling thread first, rather than after a new
     * thread is scheduled, which on a busy host took milliseconds of the console's opening. The
     * pump starts only after that send, so sends still never overlap.
     */
    void start() {
        sendArrived();
        Thread pump = new Thread(this, "console-" + grant.serverId() + "-" + id.substring(0, 8));
        pump.setDaemon(true);
        pump.start();
    }

    /** VNC to browser: one reused direct buffer; each read goes out as one binary frame. */
    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bufferBytes);
        try {
            while (true) {
                buffer.clear();
                if (vnc.read(buffer) < 0) {
                    vncClosed(); // QEMU closed: the guest is gone
                    break;
                }
                buffer.flip();
                send(new BinaryMessage(buffer, true));
            }
        } catch (IOException | RuntimeException e) {
            // the VNC socket was closed by close() or reset by QEMU, or the browser went away mid-send
            if (ws.isOpen()) {
                vncClosed();
            } else {
                reason.compareAndSet(null, CloseReason.CLIENT_CLOSED);
            }
        } finally {
            end();
        }
    }

    /** Blocks until the browser took it: the back-pressure. */
    private void send(BinaryMessage message) throws IOException {
        sendingSince = Math.max(1, System.nanoTime());
        try {
            ws.sendMessage(message);
        } finally {
            sendingSince = 0;
        }
    }

    /**
     * Ends the console if a send to the browser has waited this long: the browser stopped reading
     * without closing (the web server closes no WebSocket for being quiet, since a console of a
     * still screen is), and the pump would wait for it forever, holding the guest's VNC socket.
     */
    boolean abortIfStuck(Duration limit) {
        long since = sendingSince;
        if (since == 0 || System.nanoTime() - since < limit.toNanos()) {
            return false;
        }
        reason.compareAndSet(null, CloseReason.CLIENT_CLOSED);
        closeVnc();
        WebSocketAbort.abort(ws, CloseReason.CLIENT_CLOSED.status()); // fails the waiting send: the pump ends it
        return true;
    }

    /** The guest's side ended, unless a reason was given first (close() then closed the socket). */
    private void vncClosed() {
        if (reason.get() != null) {
            return;
        }
        CloseReason why;
        try {
            why = whyVncClosed.get();
        } catch (RuntimeException unknown) {
            why = CloseReason.SERVER_STOPPED; // the facts could not be read: the guest's side closed
        }
        reason.compareAndSet(null, why);
    }

    private void sendArrived() {
        ByteBuffer arrived = ByteBuffer.allocate(GREETING_BYTES);
        try {
            if (vnc.readArrived(arrived) > 0) {
                arrived.flip();
                send(new BinaryMessage(arrived, true));
            }
        } catch (IOException | RuntimeException e) {
            close(ws.isOpen() ? CloseReason.SERVER_STOPPED : CloseReason.CLIENT_CLOSED); // the pump then ends it
        }
    }

    /** Its opening is in the audit trail: input from the browser may now pass. */
    void audited() {
        audited = true;
    }

    boolean isAudited() {
        return audited;
    }

    /** Browser to VNC: written straight from the frame's buffer; nothing before the opening is audited. */
    void toVnc(ByteBuffer payload) throws IOException {
        if (!audited) {
            throw new IOException("input before the console's opening was audited");
        }
        vnc.write(payload);
    }

    /** Ends the console with this reason (the first reason given wins). Safe from any thread. */
    void close(CloseReason why) {
        reason.compareAndSet(null, why);
        closeVnc();
    }

    CloseReason reason() {
        return reason.get();
    }

    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        closeVnc();
        CloseReason why = reason.get() == null ? CloseReason.ERROR : reason.get();
        try {
            if (ws.isOpen()) {
                ws.close(why.status());
            }
        } catch (IOException | RuntimeException ignored) {
            // already closing from the browser's side
        }
        onEnd.accept(this);
    }

    private void closeVnc() {
        vnc.close();
    }
}
