package com.virtpanel.server.ui.section;

import com.vaadin.flow.component.Component;
import com.virtpanel.server.ServerInfo;
import java.util.Optional;

/**
 * A part of the server page contributed by another module (usage graphs, effective limits).
 * The server page asks every bean, in order, each time it shows a server.
 */
public interface ServerPageSection {

    Optional<Component> section(ServerInfo server);
}
