package com.virtpanel.usage.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.tabs.TabsVariant;
import com.vaadin.flow.shared.Registration;
import com.virtpanel.base.PanelException;
import com.virtpanel.usage.Measure;
import com.virtpanel.usage.MetricType;
import com.virtpanel.usage.Metrics;
import com.virtpanel.usage.UsageLimits;
import com.virtpanel.usage.UsageService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Usage graphs of one server (CPU, disk, network over 1 h / 24 h / 7 d / 30 d) with the
 * plan's limits as dashed lines. The traffic used against the allowance is the quota module's
 * (it counts the allowance's period), shown with the limits in force.
 * Refreshes itself while shown, more often for short ranges.
 */
class UsagePanel extends VerticalLayout {

    enum Range {
        HOUR(Texts.get("usage.usage-panel.1-h"), Duration.ofHours(1), Duration.ofSeconds(15)),
        DAY(Texts.get("usage.usage-panel.24-h"), Duration.ofHours(24), Duration.ofMinutes(1)),
        WEEK(Texts.get("usage.usage-panel.7-d"), Duration.ofDays(7), Duration.ofMinutes(5)),
        MONTH(Texts.get("usage.usage-panel.30-d"), Duration.ofDays(30), Duration.ofMinutes(5));

        final String label;
        final Duration span;
        final Duration refresh;

        Range(String label, Duration span, Duration refresh) {
            this.label = label;
            this.span = span;
            this.refresh = refresh;
        }

        String id() {
            return "usage-range-" + label.replace(" ", "");
        }
    }

    private static final String READ = "#2e7d32";
    private static final String WRITE = "#ef6c00";

    private final UsageService usage;
    private final long serverId;
    private final Clock clock;

    private final VpChart cpu = chart("usage-cpu");
    private final VpChart disk = chart("usage-disk");
    private final VpChart network = chart("usage-network");
    private final Tabs diskMode = new Tabs(new Tab(Texts.get("usage.usage-panel.throughput")), new Tab("IOPS"));
    private final List<Tab> rangeTabs = new ArrayList<>();
    private Range range = Range.HOUR;
    private Instant refreshedAt = Instant.EPOCH;
    private Registration poll;

    UsagePanel(UsageService usage, long serverId, Clock clock) {
        this.usage = usage;
        this.serverId = serverId;
        this.clock = clock;
        setId("usage");
        setPadding(false);
        setWidthFull();

        var ranges = new Tabs();
        ranges.setId("usage-range");
        ranges.addThemeVariants(TabsVariant.LUMO_SMALL);
        for (Range r : Range.values()) {
            var tab = new Tab(r.label);
            tab.setId(r.id());
            rangeTabs.add(tab);
            ranges.add(tab);
        }
        ranges.addSelectedChangeListener(e -> {
            range = Range.values()[ranges.getSelectedIndex()];
            refresh();
        });
        diskMode.setId("usage-disk-mode");
        diskMode.addThemeVariants(TabsVariant.LUMO_SMALL);
        diskMode.addSelectedChangeListener(e -> refresh());

        var header = new HorizontalLayout(new H3(Texts.get("usage.usage-panel.usage")), ranges);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        var diskHeader = new Div(diskMode);
        add(header, cpu, diskHeader, disk, network);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (!attach.isInitialAttach()) {
            refresh(); // shown again (its tab was closed): the graphs catch up at once
        }
        // the server page polls the server every few seconds; piggy-back on it
        poll = attach.getUI().addPollListener(e -> {
            if (!clock.instant().isBefore(refreshedAt.plus(range.refresh))) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
    }

    void refresh() {
        Instant now = clock.instant();
        refreshedAt = now;
        try {
            Metrics m = usage.metrics(serverId, MetricType.all(), now.minus(range.span), now);
            UsageLimits limits = usage.limits(serverId);
            String note = "raw".equals(m.resolution()) ? "" : " (" + ("5m".equals(m.resolution()) ? "5-minute" : "hourly")
                    + Texts.get("usage.usage-panel.averages");
            cpu.show(ChartData.of("CPU" + note, "%", 0, m,
                    List.of(new ChartData.Spec(Measure.CPU, "CPU", "#1565c0", 1)),
                    limit(Texts.get("usage.usage-panel.cap") + fmt(limits.cpuPercent()) + Texts.get("usage.usage-panel.percent-suffix"), limits.cpuPercent())));
            if (diskMode.getSelectedIndex() == 1) {
                disk.show(ChartData.of(Texts.get("usage.usage-panel.disk-operations") + note, "IOPS", 0, m,
                        List.of(new ChartData.Spec(Measure.DISK_READ_OPS, "read", READ, 1),
                                new ChartData.Spec(Measure.DISK_WRITE_OPS, "write", WRITE, 1)),
                        limit(Texts.get("usage.usage-panel.cap") + fmt(limits.diskOpsPerSec()) + Texts.get("usage.usage-panel.iops"), limits.diskOpsPerSec())));
            } else {
                double cap = limits.diskBytesPerSec() / 1e6;
                disk.show(ChartData.of(Texts.get("usage.usage-panel.disk-throughput") + note, Texts.get("usage.usage-panel.mb"), 2, m,
                        List.of(new ChartData.Spec(Measure.DISK_READ, "read", READ, 1e-6),
                                new ChartData.Spec(Measure.DISK_WRITE, "write", WRITE, 1e-6)),
                        limit(Texts.get("usage.usage-panel.cap") + fmt(cap) + Texts.get("usage.usage-panel.mb2"), cap)));
            }
            double netCap = limits.netBitsPerSec() / 1e6;
            network.show(ChartData.of(Texts.get("usage.usage-panel.network") + note, Texts.get("usage.usage-panel.mbit"), 3, m,
                    List.of(new ChartData.Spec(Measure.NET_RX, "in", READ, 1e-6),
                            new ChartData.Spec(Measure.NET_TX, "out", WRITE, 1e-6)),
                    limit(Texts.get("usage.usage-panel.cap") + fmt(netCap) + Texts.get("usage.usage-panel.mbit2"), netCap)));
        } catch (PanelException gone) {
            setVisible(false); // deleted meanwhile, or no longer theirs: the page itself says so
        }
    }

    private static List<ChartData.Limit> limit(String label, double value) {
        return value > 0 ? List.of(new ChartData.Limit(label, value)) : List.of();
    }

    private static VpChart chart(String id) {
        var chart = new VpChart();
        chart.setId(id);
        return chart;
    }

    private static String fmt(double v) {
        return Formats.number(v, 1);
    }
}
