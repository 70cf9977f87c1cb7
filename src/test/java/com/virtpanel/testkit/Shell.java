package com.virtpanel.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host command (virsh, qemu-img, cat of a cgroup file) to check the panel's work from outside. */
public final class Shell {

    private Shell() {
    }

    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    public static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** virsh against the system connection the tests use. */
    public static String virsh(String... args) {
        return virshResult(args).output().trim();
    }

    /**
     * {@code virsh start}, as an operator would run it outside the panel, and again when libvirt's
     * ebtables lost a race with another guest's rules being written at that moment (the panel's own
     * starts retry the same refusal: LibvirtErrors); any other refusal fails the test at once.
     */
    public static void virshStart(String domain) {
        for (int attempt = 1; ; attempt++) {
            Result started = virshResult("start", domain);
            if (started.ok()) {
                return;
            }
            if (attempt == 5 || !started.output().contains("Failed to apply firewall rules")) {
                throw new IllegalStateException("virsh start " + domain + " (attempt " + attempt + "): " + started.output());
            }
            try {
                Thread.sleep(500L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Result virshResult(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "virsh";
        command[1] = "-c";
        command[2] = "qemu:///system";
        System.arraycopy(args, 0, command, 3, args.length);
        return run(command);
    }
}
