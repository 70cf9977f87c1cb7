package com.virtpanel.server.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The server page's tabs: the overview, and each other tab that has a section this person may
 * see. A tab starts as an empty box and gets its sections when first opened; the tab sheet keeps
 * only the open tab's box in the page, so a closed tab's sections stop refreshing until it is
 * opened again.
 */
final class ServerPageTabs extends TabSheet {

    private final Map<ServerPageTab, List<ServerPageSection>> sections = new EnumMap<>(ServerPageTab.class);
    private final Map<ServerPageTab, Div> boxes = new EnumMap<>(ServerPageTab.class);
    private final Map<Tab, ServerPageTab> byHeader = new HashMap<>();
    private final Set<ServerPageTab> filled = EnumSet.noneOf(ServerPageTab.class);
    private final Supplier<ServerInfo> server;

    /**
     * @param overview       what the overview shows before its sections
     * @param openedByPerson hears each tab the person opens (not the one opened with the page)
     */
    ServerPageTabs(Stream<ServerPageSection> ordered, Component overview, Supplier<ServerInfo> server,
            ServerPageTab opened, Consumer<ServerPageTab> openedByPerson) {
        this.server = server;
        setId("server-tabs");
        setWidthFull();
        sections.put(ServerPageTab.OVERVIEW, new ArrayList<>());
        ordered.filter(ServerPageSection::shownToCurrentUser)
                .forEach(s -> sections.computeIfAbsent(s.tab(), t -> new ArrayList<>()).add(s));
        sections.keySet().forEach(this::addTab);
        boxes.get(ServerPageTab.OVERVIEW).add(overview);
        if (boxes.containsKey(opened)) {
            setSelectedTab(getTab(boxes.get(opened)));
        }
        fillOpened();
        addSelectedChangeListener(e -> {
            fillOpened();
            if (e.isFromClient()) {
                openedByPerson.accept(byHeader.get(e.getSelectedTab()));
            }
        });
    }

    private void addTab(ServerPageTab tab) {
        Div box = new Div();
        box.setId("tab-content-" + tab.key());
        box.addClassName("server-tab");
        box.setWidthFull();
        Tab header = add(Texts.get("server.tab." + tab.key()), box);
        header.setId("tab-" + tab.key()); // the same in every language, for tests and scripts
        byHeader.put(header, tab);
        boxes.put(tab, box);
    }

    private void fillOpened() {
        ServerPageTab tab = byHeader.get(getSelectedTab());
        if (filled.add(tab)) {
            ServerInfo shown = server.get();
            sections.get(tab).forEach(part -> part.section(shown).ifPresent(boxes.get(tab)::add));
        }
    }
}
