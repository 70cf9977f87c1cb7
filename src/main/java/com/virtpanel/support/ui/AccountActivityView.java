package com.virtpanel.support.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.support.AuditEntry;
import com.virtpanel.support.AuditService;
import com.virtpanel.support.StaffVisit;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** A customer's own record of staff visits: who came, when, why, and what they did. */
@Route("account/activity")
@Menu(title = "menu.account-activity", order = 21, icon = "vaadin:clipboard-user")
@PermitAll
public class AccountActivityView extends VerticalLayout implements HasDynamicTitle {

    public AccountActivityView(AuditService audit) {
        addClassName("page");
        add(new H2(Texts.get("support.account-activity-view.account-activity")), new Paragraph(Texts.get("support.account-activity-view.every-time-our-staff")
                + Texts.get("support.account-activity-view.their-reason-what-they")));
        List<StaffVisit> visits = audit.staffVisitsToMe();
        var list = new Div();
        list.setId("staff-visits");
        if (visits.isEmpty()) {
            var none = new Paragraph(Texts.get("support.account-activity-view.no-staff-member-has"));
            none.addClassName("muted");
            none.setId("no-staff-visits");
            list.add(none);
        }
        visits.forEach(visit -> list.add(card(visit)));
        add(list);
    }

    private static Div card(StaffVisit visit) {
        var title = new H3(visit.staffEmail() + " · " + Formats.dateTime(visit.startedAt())
                + (visit.endedAt() == null ? "" : " – " + Formats.dateTime(visit.endedAt())));
        var reason = new Paragraph(Texts.get("support.account-activity-view.reason") + visit.reason() + (visit.readOnly() ? Texts.get("support.account-activity-view.read-only-visit") : ""));
        reason.addClassName("visit-reason");
        var actions = new UnorderedList();
        actions.addClassName("visit-actions");
        if (visit.actions().isEmpty()) {
            actions.add(new ListItem(Texts.get("support.account-activity-view.looked-around-without-changing")));
        }
        for (AuditEntry action : visit.actions()) {
            actions.add(new ListItem(Formats.dateTime(action.at()) + " " + Texts.get(action.message())
                    + (action.target() == null ? "" : ": " + action.target())));
        }
        var card = new Div(title, reason, actions);
        card.addClassName("staff-visit");
        return card;
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.account-activity");
    }
}
