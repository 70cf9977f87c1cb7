package com.virtpanel.server.ui;

import com.vaadin.flow.component.html.Span;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.server.ServerStatus;

/** A coloured status label: green running, grey stopped, blue busy, red failed or on a host that is down. */
class StatusBadge extends Span {

    StatusBadge(ServerStatus status) {
        super(Texts.get("server.status." + status.apiName()));
        String theme = switch (status) {
            case RUNNING -> "badge success";
            case STOPPED, DELETED -> "badge contrast";
            case FAILED, UNREACHABLE -> "badge error";
            default -> "badge";
        };
        getElement().getThemeList().addAll(java.util.List.of(theme.split(" ")));
        getElement().setAttribute("data-status", status.apiName());
        addClassName("status-badge");
    }
}
