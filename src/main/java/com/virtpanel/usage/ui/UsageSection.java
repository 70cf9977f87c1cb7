package com.virtpanel.usage.ui;

import com.vaadin.flow.component.Component;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
import com.virtpanel.usage.UsageService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** Adds the usage graphs and this month's traffic to the server page. */
@org.springframework.stereotype.Component
@Order(100)
class UsageSection implements ServerPageSection {

    private final UsageService usage;
    private final Clock clock;

    UsageSection(UsageService usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public ServerPageTab tab() {
        return ServerPageTab.USAGE;
    }

    @Override
    public Optional<Component> section(ServerInfo server) {
        return Optional.of(new UsagePanel(usage, server.id(), clock));
    }
}
