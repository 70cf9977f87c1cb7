package com.virtpanel.server;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the server page contributed by another module (usage graphs, effective limits).
 * The server page asks every bean, in order, each time it shows a server.
 */
public interface ServerPageSection {

    Optional<Component> section(ServerView server);
}
