package com.virtpanel.server.ui.section;

import com.vaadin.flow.component.Component;
import com.virtpanel.server.ServerInfo;
import java.util.Optional;

/**
 * A part of the server page contributed by another module (usage graphs, effective limits).
 * The page groups the sections by their tab and asks a tab's sections, in order, when that
 * tab is first opened for a server.
 */
public interface ServerPageSection {

    ServerPageTab tab();

    /**
     * Whether the person looking may see this section at all, asked before its tab is offered
     * (so a tab with nothing for them is not shown). Cheap: no database.
     */
    default boolean shownToCurrentUser() {
        return true;
    }

    Optional<Component> section(ServerInfo server);
}
