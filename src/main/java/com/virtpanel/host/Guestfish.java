package com.virtpanel.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One libguestfs appliance, driven through guestfish's standard input: each command is
 * followed by an {@code echo} of a random marker, so its output is everything before the
 * marker. guestfish reading a pipe exits at the first failing command, which ends the
 * session with the error on standard error. Guest data never goes through standard output
 * (files travel with download/upload), and the marker is random, so a guest cannot forge it.
 */
final class Guestfish implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_ERROR_TEXT = 8000;

    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private final StringBuilder errors = new StringBuilder();
    private final Thread errorReader;
    private final String marker;
    private final long deadline;
    private int count;

    private Guestfish(Process process, Duration timeout) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        this.marker = "@@vp-" + HexFormat.of().formatHex(random) + "-";
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.errorReader = daemon("guestfish-stderr", () -> drain(process.getErrorStream()));
        daemon("guestfish-watchdog", this::watch);
    }

    /** Starts guestfish on one qcow2 drive (appears as /dev/sda); {@link #call} "run" launches the appliance. */
    static Guestfish open(List<String> command, List<String[]> environment, Duration timeout) {
        var builder = new ProcessBuilder(command);
        environment.forEach(kv -> builder.environment().put(kv[0], kv[1]));
        try {
            return new Guestfish(builder.start(), timeout);
        } catch (IOException e) {
            throw new GuestfishFailure("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    static List<String> command(String guestfish, Path drive, boolean readOnly) {
        var command = new ArrayList<>(List.of(guestfish, "--no-progress-bars"));
        if (readOnly) {
            command.add("--ro");
        }
        command.addAll(List.of("--format=qcow2", "-a", drive.toString()));
        return command;
    }

    /** Runs one guestfish command and returns its output lines; throws when it failed. */
    List<String> call(String command) {
        if (command.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("one command per call");
        }
        String end = marker + (++count) + "@@";
        try {
            in.write(command + "\necho " + end + "\n");
            in.flush();
        } catch (IOException e) {
            throw failure(command);
        }
        var lines = new ArrayList<String>();
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(end)) {
                    return lines;
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone: reported below with its error output
        }
        throw failure(command);
    }

    /** The single line a command printed (e.g. inspect-get-distro). */
    String value(String command) {
        List<String> lines = call(command);
        return lines.isEmpty() ? "" : lines.get(0).trim();
    }

    @Override
    public void close() {
        try {
            in.write("exit\n");
            in.flush();
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private GuestfishFailure failure(String command) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            errorReader.join(5000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        boolean timedOut = System.nanoTime() - deadline > 0;
        String detail;
        synchronized (errors) {
            detail = errors.toString().strip();
        }
        return new GuestfishFailure("guestfish \"" + command + "\" failed" + (timedOut ? " (timed out)" : "") + ": "
                + (detail.isEmpty() ? "exit " + process.exitValue() : detail), null);
    }

    private void drain(InputStream stream) {
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (errors) {
                    if (errors.length() < MAX_ERROR_TEXT) {
                        errors.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    private void watch() {
        try {
            long left = deadline - System.nanoTime();
            if (left > 0 && process.waitFor(left, TimeUnit.NANOSECONDS)) {
                return;
            }
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A guestfish argument in double quotes (guestfish's own quoting). */
    static String quote(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** guestfish or the appliance failed; the message is libguestfs' own, for the log. */
    static final class GuestfishFailure extends RuntimeException {
        GuestfishFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
