package com.virtpanel.bench;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
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
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 24's numbers: N orders (nano, demo) arriving at the same moment, time until all are
 * running and how many failed, next to N raw `qemu-img create` + `virsh define` + `virsh start`
 * run one after another in the same run on the same host. Run with ./panel bench.
 */
@IntegrationTest
class OrderLoadBenchmark {

    static final int[] LOADS = {20, 50};
    static final int CUSTOMERS = 10;

    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired ServerChanges serverChanges;
    @Autowired CatalogService catalog;
    @Autowired Volumes volumes;
    @Autowired Domains domains;
    @Autowired Users users;
    @Autowired Guests guests;

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void simultaneousOrdersAgainstRawLibvirtStepsOneAfterAnother() throws Exception {
        DemoImage.require();
        var image = catalog.orderableImage("demo");
        Template template = volumes.ensureTemplate(new TemplateSource(image.name(), image.sourcePath(), image.kernelPath(),
                image.initrdPath(), image.kernelCmdline()));
        String xml = referenceXml(template);
        List<AccountSummary> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(users.newCustomer());
        }

        StringBuilder report = new StringBuilder("\nSimultaneous orders on this host (nano, demo; 'running' = libvirt says running):\n");
        for (int load : LOADS) {
            double raw = rawSteps(load, template, xml);
            Outcome panel = simultaneousOrders(load, customers);
            report.append(String.format("  %2d orders: raw qemu-img + virsh define + start, one after another %8.0f ms (baseline)%n", load, raw));
            report.append(String.format("  %2d orders: panel, all at once -> all running                       %8.0f ms (%.2fx), %d failed%n",
                    load, panel.millis(), panel.millis() / raw, panel.failed()));
            removeServers(panel.servers(), customers);
        }
        System.out.println(report);
    }

    private record Outcome(double millis, int failed, List<ServerInfo> servers) {
    }

    private Outcome simultaneousOrders(int count, List<AccountSummary> customers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ServerInfo>> orders = new ArrayList<>();
        String batch = Long.toString(System.nanoTime() % 100_000);
        for (int i = 0; i < count; i++) {
            AccountSummary owner = customers.get(i % customers.size());
            String name = "load-" + batch + "-" + i;
            orders.add(threads.submit(() -> {
                go.await();
                return Users.as(owner, () -> serverOrders.order(new OrderRequest(name, "nano", "demo", List.of(TestKeys.ED25519), null, null)));
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        List<ServerInfo> placed = new ArrayList<>();
        for (Future<ServerInfo> order : orders) {
            placed.add(order.get());
        }
        threads.shutdown();
        int failed = 0;
        for (ServerInfo server : placed) {
            AccountSummary owner = customers.stream().filter(c -> c.id() == server.accountId()).findFirst().orElseThrow();
            ServerStatus end = await(() -> Users.as(owner, () -> servers.get(server.id()).status()));
            if (end != ServerStatus.RUNNING) {
                failed++;
            }
        }
        return new Outcome((System.nanoTime() - t0) / 1e6, failed, placed);
    }

    private void removeServers(List<ServerInfo> placed, List<AccountSummary> customers) {
        for (ServerInfo server : placed) {
            AccountSummary owner = customers.stream().filter(c -> c.id() == server.accountId()).findFirst().orElseThrow();
            Users.as(owner, () -> serverChanges.delete(server.id()));
        }
        for (ServerInfo server : placed) {
            AccountSummary owner = customers.stream().filter(c -> c.id() == server.accountId()).findFirst().orElseThrow();
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (System.nanoTime() < deadline && Users.as(owner, () -> servers.list().stream().anyMatch(s -> s.id() == server.id()))) {
                sleep(200);
            }
        }
    }

    /** The baseline: the same guests made by hand with the host's own tools, strictly one after another. */
    private double rawSteps(int count, Template template, String xml) throws IOException {
        Path dir = Files.createTempDirectory("vp-load-raw-");
        Path backing = volumes.path(template.volume());
        List<String> names = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String name = "vp-raw-" + ProcessHandle.current().pid() + "-" + i;
            names.add(name);
            Path disk = dir.resolve(name + ".qcow2");
            Shell.run("qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", backing.toString(), disk.toString(), "2G");
            Path file = dir.resolve(name + ".xml");
            Files.writeString(file, xml.replace("@NAME@", name).replace("@DISK@", disk.toString())
                    .replace("@MAC@", String.format("52:54:00:bd:%02x:%02x", i / 256, i % 256)));
            Shell.virsh("define", file.toString());
            Shell.virsh("start", name);
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        for (String name : names) {
            Shell.virsh("destroy", name);
            Shell.virsh("undefine", name);
        }
        Shell.run("rm", "-rf", dir.toString());
        return millis;
    }

    /** A demo guest's definition as the panel writes it, with placeholders for what differs per guest. */
    private String referenceXml(Template template) {
        String name = "vp-raw-ref-" + ProcessHandle.current().pid();
        String disk = name + "-disk-1.qcow2";
        volumes.createDisk(disk, template, 2);
        domains.define(new DomainSpec(name, name, 1, 256, new GuestOs(GuestOs.Family.LINUX, true, false), template.boot(),
                disk, null, "52:54:00:bd:ff:ff", new LimitSpec(512, 50, 1, 200, 20_000_000, 250, 12_500), null));
        String xml = Shell.virsh("dumpxml", "--inactive", name);
        domains.destroyAndUndefine(name);
        volumes.delete(disk);
        return xml.replaceAll("\\s*<uuid>[^<]*</uuid>", "")
                .replace(volumes.path(disk).toString(), "@DISK@")
                .replace("52:54:00:bd:ff:ff", "@MAC@")
                .replace(name, "@NAME@");
    }

    private static ServerStatus await(java.util.function.Supplier<ServerStatus> status) {
        long deadline = System.nanoTime() + 600_000_000_000L;
        ServerStatus now = status.get();
        while (now != ServerStatus.RUNNING && now != ServerStatus.FAILED && System.nanoTime() < deadline) {
            sleep(50);
            now = status.get();
        }
        return now;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
