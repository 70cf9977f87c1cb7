package com.virtpanel.usage;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A server's usage for the server page and the REST API. Every method authorises through
 * {@link ServerService#get}: someone else's server is "not found".
 */
@Service
@Transactional(readOnly = true)
public class UsageService {

    /** The longest range one request may ask for (hourly points are kept for 13 months). */
    public static final Duration MAX_RANGE = Duration.ofDays(400);
    private static final Duration DEFAULT_RANGE = Duration.ofHours(1);

    private final ServerService servers;
    private final CatalogService catalog;
    private final SeriesReader reader;
    private final Clock clock;

    UsageService(ServerService servers, CatalogService catalog, SeriesReader reader, Clock clock) {
        this.servers = servers;
        this.catalog = catalog;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * Series of the given types between start and end (both optional: the last hour up to
     * now). The resolution follows the range: raw samples up to a day, 5-minute averages and
     * maxima up to a week, hourly beyond.
     */
    public Metrics metrics(long serverId, Collection<MetricType> types, Instant start, Instant end) {
        servers.get(serverId);
        Instant to = end == null ? clock.instant() : end;
        Instant from = start == null ? to.minus(DEFAULT_RANGE) : start;
        if (!from.isBefore(to)) {
            throw new InvalidInputException("start", UserMessage.of("error.usage.start-must-before-end"));
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidInputException("start", UserMessage.of("error.usage.range-too-long", MAX_RANGE.toDays()));
        }
        return reader.read(serverId, types, from, to);
    }

    /** The plan's limits in the series' units, to draw next to them. */
    public UsageLimits limits(long serverId) {
        ServerInfo server = servers.get(serverId);
        return limitsOf(catalog.plan(server.planId()));
    }

    static UsageLimits limitsOf(PlanInfo plan) {
        return new UsageLimits(plan.cpuCapPercent(), plan.diskMbps() * 1_000_000.0, plan.diskIops(),
                plan.netMbps() * 1_000_000.0, plan.trafficBytes());
    }
}
