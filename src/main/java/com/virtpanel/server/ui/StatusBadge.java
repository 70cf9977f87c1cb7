package com.virtpanel.server.ui;

import com.vaadin.flow.component.html.Span;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.server.ServerStatus;

/** A coloured status label: green running, grey stopped, blue busy, red failed or on a host that is down. */
class StatusBadge extends Span {

    static final String CLASS = "status-badge";

    StatusBadge(ServerStatus status) {
        super(text(status));
        getElement().getThemeList().addAll(java.util.List.of(theme(status).split(" ")));
        getElement().setAttribute("data-status", status.apiName());
        addClassName(CLASS);
    }

    static String text(ServerStatus status) {
        return Texts.get("server.status." + status.apiName());
    }

    /** Lumo's badge theme for the status. */
    static String theme(ServerStatus status) {
        return switch (status) {
            case RUNNING -> "badge success";
            case STOPPED, DELETED -> "badge contrast";
            case FAILED, UNREACHABLE -> "badge error";
            default -> "badge";
        };
    }
}
