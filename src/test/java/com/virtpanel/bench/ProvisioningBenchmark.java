package com.virtpanel.bench;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.host.CloudInitSeed;
import com.virtpanel.host.DomainSpec;
import com.virtpanel.host.Domains;
import com.virtpanel.host.GuestOs;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.Template;
import com.virtpanel.host.TemplateSource;
import com.virtpanel.host.Volumes;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Median time from "order accepted" to "running", and from "reinstall requested" to
 * "running", each next to the bare libvirt steps the same work needs (an order: overlay +
 * seed + define + start; a reinstall of a running guest: power off + new overlay + new seed +
 * redefine + start), measured in the same run on the same host. Run with ./panel bench.
 */
@IntegrationTest
class ProvisioningBenchmark {

    static final int ROUNDS = 5;
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBcfXypkxgr4HAcXQcoq6RaLI+VTJ7r5YW6hbyKiFY12 bench@virtpanel";

    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired ServerChanges serverChanges;
    @Autowired CatalogService catalog;
    @Autowired Volumes volumes;
    @Autowired Domains domains;
    @Autowired Users users;
    @Autowired MeterRegistry meters;

    /** The two costly parts of the bare reinstall, for comparison with the panel's step timers. */
    private final List<Double> barePowerOff = new ArrayList<>();
    private final List<Double> bareStart = new ArrayList<>();

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void orderAndReinstallToRunningAgainstBareLibvirtSteps() {
        DemoImage.require();
        AccountSummary owner = users.newCustomer();
        var image = catalog.orderableImage("demo");
        Template template = volumes.ensureTemplate(new TemplateSource(image.name(), image.sourcePath(), image.kernelPath(),
                image.initrdPath(), image.kernelCmdline()));

        var bare = new ArrayList<Double>();
        var bareReinstall = new ArrayList<Double>();
        var unfiltered = new ArrayList<Double>();
        var order = new ArrayList<Double>();
        var reinstall = new ArrayList<Double>();
        for (int i = 0; i < ROUNDS; i++) {
            String name = "vp-bench-" + ProcessHandle.current().pid() + "-" + i;
            BareTimes filtered = bareSteps(name, template, i, true);
            bare.add(filtered.order());
            bareReinstall.add(filtered.reinstall());
            unfiltered.add(bareSteps(name, template, i, false).order());

            int round = i;
            long t1 = System.nanoTime();
            ServerInfo ordered = Users.as(owner, () -> serverOrders.order(new OrderRequest("bench-" + round, "nano", "demo", List.of(KEY), null, null)));
            await(() -> status(owner, ordered.id()) == ServerStatus.RUNNING);
            order.add(ms(t1));

            long t2 = System.nanoTime();
            Users.as(owner, () -> serverChanges.reinstall(ordered.id(), "demo", null, null));
            await(() -> status(owner, ordered.id()) == ServerStatus.RUNNING);
            reinstall.add(ms(t2));

            Users.as(owner, () -> serverChanges.delete(ordered.id()));
        }
        double bareMedian = median(bare);
        double bareReinstallMedian = median(bareReinstall);
        System.out.printf("%nProvisioning on this host (%d rounds, medians; guests boot on after 'running'):%n", ROUNDS);
        System.out.printf("  bare libvirt, the panel's guest: overlay + seed + define + start  %8.1f ms  (order baseline)%n", bareMedian);
        System.out.printf("  the same without seed and anti-spoofing filter                  %8.1f ms  (%.2fx order baseline)%n",
                median(unfiltered), median(unfiltered) / bareMedian);
        System.out.printf("  order accepted -> running                                       %8.1f ms  (%.2fx order baseline)%n",
                median(order), median(order) / bareMedian);
        System.out.printf("  bare libvirt reinstall: power off + overlay + seed + redefine + start  %8.1f ms  (reinstall baseline)%n",
                bareReinstallMedian);
        System.out.printf("  reinstall requested -> running                                  %8.1f ms  (%.2fx reinstall baseline)%n%n",
                median(reinstall), median(reinstall) / bareReinstallMedian);
        System.out.printf("  bare reinstall steps (mean):%n    power off        %8.1f ms%n    start            %8.1f ms%n",
                mean(barePowerOff), mean(bareStart));
        printSteps("provision");
        printSteps("reinstall");
    }

    /** Milliseconds the bare steps of an order and of a reinstall took (0 when not measured). */
    private record BareTimes(double order, double reinstall) {
    }

    /**
     * The libvirt work one order needs, without the panel around it: a disk overlay, a
     * cloud-init seed and a guest defined as the panel defines it (with the anti-spoofing
     * filter, whose rules libvirt writes at start), then started. Then, for a filtered guest,
     * the work a reinstall of that running guest needs: power it off, a new overlay and seed,
     * the guest redefined on them, started again. {@code filtered = false} leaves out seed and
     * filter, to show what the filter costs on this host. Not timed: removing the guest again.
     */
    private BareTimes bareSteps(String name, Template template, int round, boolean filtered) {
        String disk = name + "-disk-1.qcow2";
        String seed = filtered ? name + "-seed.iso" : null;
        long t0 = System.nanoTime();
        volumes.createDisk(disk, template, 2);
        if (filtered) {
            volumes.writeSeed(seed, seed(name, round, 1));
        }
        domains.define(spec(name, round, template, disk, seed, filtered));
        domains.start(name);
        double order = ms(t0);
        double reinstall = 0;
        String newDisk = name + "-disk-2.qcow2";
        String newSeed = name + "-seed-2.iso";
        if (filtered) {
            long t1 = System.nanoTime();
            domains.powerOff(name);
            barePowerOff.add(ms(t1));
            volumes.createDisk(newDisk, template, 2);
            volumes.writeSeed(newSeed, seed(name, round, 2));
            domains.define(spec(name, round, template, newDisk, newSeed, true));
            long t2 = System.nanoTime();
            domains.start(name);
            bareStart.add(ms(t2));
            reinstall = ms(t1);
        }
        domains.destroyAndUndefine(name);
        volumes.list(name + "-").forEach(volumes::delete);
        return new BareTimes(order, reinstall);
    }

    private static CloudInitSeed seed(String name, int round, int instance) {
        return new CloudInitSeed("i-" + name + "-" + instance, "bench-" + round, List.of(KEY), null, null, List.of());
    }

    private static DomainSpec spec(String name, int round, Template template, String disk, String seed, boolean filtered) {
        return new DomainSpec(name, name, 1, 256, new GuestOs(GuestOs.Family.LINUX, true, false), template.boot(), disk, seed,
                "52:54:00:be:00:0" + round, new LimitSpec(512, 50, 1, 200, 20_000_000, 250, 12_500),
                filtered ? "192.0.2." + (10 + round) : null);
    }

    /** Where the time went, from the operation step timers operators also see (means over all rounds). */
    private void printSteps(String operation) {
        System.out.printf("  %s steps (mean):%n", operation);
        meters.find("virtpanel.operation.steps").tag("operation", operation).tag("outcome", "ok").timers().stream()
                .sorted(Comparator.comparing(t -> t.getId().getTag("step")))
                .forEach(t -> System.out.printf("    %-20s %8.1f ms  (%d)%n", t.getId().getTag("step"), t.mean(TimeUnit.MILLISECONDS), t.count()));
    }

    private ServerStatus status(AccountSummary owner, long id) {
        return Users.as(owner, () -> servers.get(id).status());
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
