package com.virtpanel.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a host tool (tc, qemu-img, genisoimage) with a deadline, like every libvirt call: a
 * tool that hangs is killed and reported, never left to hang the page or job that called it.
 */
final class HostCommand {

    /** What the tool printed (standard output and error together) and how it ended. */
    record Result(int exitCode, String output) {

        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Readers of tools' output. Not the common pool: it has one thread on a two-core host, and a
     * long qemu-img run would hold it while short tc runs wait for theirs.
     */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "host-command-output");
        thread.setDaemon(true);
        return thread;
    });

    private HostCommand() {
    }

    /** Runs {@code command}; fails only when it cannot be started or overruns {@code timeout}. */
    static Result run(Duration timeout, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // Read while it runs: a tool that fills the pipe would otherwise never finish.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), READERS);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " took longer than " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), output.get(5, TimeUnit.SECONDS).strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read what " + command.get(0) + " printed", e);
        }
    }

    /** Like {@link #run} but a non-zero exit is a failure, reported with what the tool printed. */
    static String check(Duration timeout, List<String> command) throws IOException {
        Result result = run(timeout, command);
        if (!result.ok()) {
            throw new IOException(String.join(" ", command) + " failed: " + result.output());
        }
        return result.output();
    }

    /** Whether {@code tool} is on the PATH the tools are started with (so a tool found here also runs). */
    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String read(InputStream in) {
        try (in) {
            // Enough for any message worth logging; the rest is drained so the tool can finish.
            byte[] head = in.readNBytes(64_000);
            in.transferTo(OutputStream.nullOutputStream());
            return new String(head, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
