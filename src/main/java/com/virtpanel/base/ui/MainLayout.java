package com.virtpanel.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every signed-in page. The navigation is built from the views' {@code @Menu}
 * annotations, filtered by what the user may open, so modules add entries without touching
 * this class and a customer never sees a staff link.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Div banners = new Div();
    /** Looked up once per tab: the bean factory's ordered lookup cost more than most banners' checks. */
    private final List<LayoutBanner> bannerProviders;

    public MainLayout(AuthenticationContext authentication, ObjectProvider<LayoutBanner> bannerProviders) {
        this.bannerProviders = bannerProviders.orderedStream().toList();
        setPrimarySection(Section.DRAWER);

        var title = new Span("Virtpanel");
        title.addClassName("brand");
        var nav = new SideNav();
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        entries.forEach(entry -> nav.addItem(entry.icon() == null
                ? new SideNavItem(Texts.get(entry.title()), entry.path())
                : new SideNavItem(Texts.get(entry.title()), entry.path(), new Icon(entry.icon()))));
        addToDrawer(title, nav);

        String principal = authentication.getPrincipalName().orElse("");
        var user = new Span(principal);
        user.addClassName("current-user");
        user.setTitle(principal); // the whole address where a narrow header cuts it short
        var logout = new Button(Texts.get("base.main-layout.sign-out"), VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        var header = new HorizontalLayout(new DrawerToggle(), banners, user, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(banners);
        header.addClassName("main-header");
        addToNavbar(header);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        banners.removeAll();
        bannerProviders.forEach(p -> p.banner().ifPresent(banners::add));
    }
}
