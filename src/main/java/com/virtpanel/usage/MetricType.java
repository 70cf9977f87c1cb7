package com.virtpanel.usage;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The groups of series a caller asks for: {@code ?type=cpu,disk,network}. */
public enum MetricType {
    CPU(List.of(Measure.CPU)),
    DISK(List.of(Measure.DISK_READ, Measure.DISK_WRITE, Measure.DISK_READ_OPS, Measure.DISK_WRITE_OPS)),
    NETWORK(List.of(Measure.NET_RX, Measure.NET_TX));

    private final List<Measure> measures;

    MetricType(List<Measure> measures) {
        this.measures = measures;
    }

    public List<Measure> measures() {
        return measures;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "cpu,disk,network"; empty or null means all of them. */
    public static Set<MetricType> parse(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(MetricType.class);
        }
        var types = EnumSet.noneOf(MetricType.class);
        for (String part : list.split(",")) {
            String name = part.trim();
            if (!name.isEmpty()) {
                types.add(of(name));
            }
        }
        return types.isEmpty() ? EnumSet.allOf(MetricType.class) : types;
    }

    public static Set<MetricType> all() {
        return EnumSet.allOf(MetricType.class);
    }

    static Set<MetricType> copyOf(Collection<MetricType> types) {
        return types == null || types.isEmpty() ? all() : EnumSet.copyOf(types);
    }

    private static MetricType of(String name) {
        for (MetricType t : values()) {
            if (t.apiName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        String shown = name.length() > 20 ? name.substring(0, 20) + "…" : name;
        throw new InvalidInputException("type", UserMessage.of("error.usage.unknown-metric", shown));
    }
}
