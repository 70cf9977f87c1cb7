package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import com.virtpanel.usage.MetricSeries;
import java.time.Instant;
import java.util.List;

/** The API's response bodies: snake_case JSON, separate from the services' records on purpose. */
final class ApiJson {

    private ApiJson() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Account(long id, String email) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Token(@Schema(description = "bearer token; shown only in this response") String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "Token[expires " + expiresAt + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Plan(String name, String title, int vcpus, int memoryMib, int diskGib,
            @Schema(description = "CPU cap for the whole server, 100 = one full vCPU") int cpuCapPercent,
            int diskIops, @Schema(description = "disk throughput, MB/s") int diskMbps,
            @Schema(description = "network bandwidth, Mbit/s") int netMbps,
            @Schema(description = "monthly traffic allowance, GiB") int trafficGib,
            @Schema(description = "vCPUs with a host core of their own (0: shared cores)") int dedicatedVcpus) {

        static Plan of(PlanInfo p) {
            return new Plan(p.name(), p.title(), p.vcpus(), p.memoryMib(), p.diskGib(), p.cpuCapPercent(), p.diskIops(),
                    p.diskMbps(), p.netMbps(), p.trafficGib(), p.dedicatedVcpus());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Image(String name, String title) {

        static Image of(ImageInfo i) {
            return new Image(i.name(), i.title());
        }
    }

    /** The plan's promises for this server, in the units of the plan. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Limits(int cpuCapPercent, int diskIops, int diskMbps, int netMbps, int trafficGib) {

        static Limits of(PlanInfo p) {
            return new Limits(p.cpuCapPercent(), p.diskIops(), p.diskMbps(), p.netMbps(), p.trafficGib());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Server(long id, String name,
            @Schema(allowableValues = {"queued", "provisioning", "running", "stopped", "rebooting", "reinstalling", "deleting", "failed", "rescue", "restoring", "migrating", "unreachable"})
            String status,
            String plan, String image,
            @Schema(description = "the libvirt domain name") String domain,
            String ipv4,
            @Schema(description = "the server's IPv6 address, ::1 of its own routed /64; null for servers ordered before IPv6") String ipv6,
            Instant createdAt, Limits limits,
            @Schema(description = "true while the server runs below its plan's limits because of a traffic or burst cap")
            boolean throttled,
            @Schema(description = "traffic counted against the plan's allowance in the current period") Traffic traffic,
            @Schema(description = "why the last operation failed, when status is failed") String failureReason,
            @Schema(description = "0..100 while provisioning, reinstalling or deleting; else 100") int progress,
            @Schema(description = "while queued: the place in line for a slot on the host, 1 being next") Integer queuePosition,
            @Schema(description = "whether user data was given for the server (its text is never shown again)") boolean userDataGiven,
            @Schema(description = "the firewalls attached to the server: applied once the host enforces their current rules")
            List<AttachedFirewall> firewalls,
            @Schema(description = "staff only (absent for customers): the host the server lives on")
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String host,
            @Schema(description = "vCPUs with a host core of their own (0: shared cores)") int dedicatedVcpus,
            @Schema(description = "staff only (absent for customers): the host cores a dedicated server holds, e.g. \"1\"")
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String dedicatedCores) {
    }

    record AttachedFirewall(long id, @Schema(allowableValues = {"applied", "pending"}) String status) {
    }

    /**
     * The one traffic count of a server: bytes received plus sent since the period started. The
     * period restarts monthly on panel.quota.traffic.reset-day (midnight in panel.quota.traffic.zone).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Traffic(long usedBytes, long allowanceBytes, Instant periodStart, Instant periodEnd) {

        static Traffic of(com.virtpanel.quota.EffectiveLimits.Traffic t) {
            return new Traffic(t.usedBytes(), t.allowanceBytes(), t.periodStart(), t.periodEnd());
        }
    }

    /** Usage between start and end; series with no points were not sampled (server stopped or new). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Metrics(long serverId, Instant start, Instant end,
            @Schema(allowableValues = {"raw", "5m", "1h"}) String resolution,
            @Schema(description = "seconds between consecutive points; a larger distance is a gap") long stepSeconds,
            List<Series> series) {

        static Metrics of(com.virtpanel.usage.Metrics m) {
            return new Metrics(m.serverId(), m.start(), m.end(), m.resolution(), m.stepSeconds(),
                    m.series().stream().map(Series::of).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Series(
            @Schema(description = "cpu, disk_read, disk_write, disk_read_ops, disk_write_ops, net_rx, net_tx") String name,
            @Schema(description = "percent (100 = one vCPU), bytes_per_second, ops_per_second, bits_per_second") String unit,
            List<Point> points) {

        static Series of(MetricSeries s) {
            return new Series(s.name(), s.unit(), s.points().stream().map(p -> new Point(p.time(), p.avg(), p.max())).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Point(Instant time, double avg, double max) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RootPassword(@Schema(description = "the new root password; shown only in this response") String rootPassword) {

        @Override
        public String toString() {
            return "RootPassword[hidden]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConsoleTicket(@Schema(description = "single-use, expires within a minute") String ticket,
            @Schema(description = "WebSocket path speaking RFB; send the ticket and the same bearer token") String path,
            Instant expiresAt) {

        @Override
        public String toString() {
            return "ConsoleTicket[expires " + expiresAt + "]";
        }
    }
}
