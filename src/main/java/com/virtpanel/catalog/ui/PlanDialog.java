package com.virtpanel.catalog.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.base.ui.FieldErrors;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.catalog.PlanInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Creates or edits a plan; the service's checks (PlanRules) point at the field at fault. */
class PlanDialog extends Dialog {

    /** First: the field initialisers below register themselves in it. */
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();
    private final TextField name = text("name", Texts.get("catalog.plan-dialog.name-lower-case-e"));
    private final TextField title = text("title", Texts.get("catalog.admin-images-view.title"));
    private final IntegerField vcpus = number("vcpus", "vCPUs");
    private final IntegerField memoryMib = number("memoryMib", Texts.get("catalog.plan-dialog.memory-mib"));
    private final IntegerField diskGib = number("diskGib", Texts.get("catalog.plan-dialog.disk-gib"));
    private final IntegerField cpuCapPercent = number("cpuCapPercent", Texts.get("catalog.plan-dialog.cpu-cap-one-vcpu"));
    private final IntegerField cpuShares = number("cpuShares", Texts.get("catalog.plan-dialog.cpu-shares"));
    private final IntegerField diskIops = number("diskIops", Texts.get("catalog.plan-dialog.disk-iops"));
    private final IntegerField diskMbps = number("diskMbps", Texts.get("catalog.plan-dialog.disk-mb"));
    private final IntegerField blkioWeight = number("blkioWeight", Texts.get("catalog.plan-dialog.disk-weight-100-1000"));
    private final IntegerField netMbps = number("netMbps", Texts.get("catalog.plan-dialog.network-mbit"));
    private final IntegerField trafficGib = number("trafficGib", Texts.get("catalog.plan-dialog.traffic-per-month-gib"));
    private final IntegerField throttledNetMbps = number("throttledNetMbps", Texts.get("catalog.plan-dialog.throttled-rate-mbit"));
    private final IntegerField burstBaselinePercent = number("burstBaselinePercent", Texts.get("catalog.plan-dialog.burst-baseline-empty-no"));
    private final IntegerField priceCents = number("priceCents", Texts.get("catalog.plan-dialog.price-per-month-cents"));
    private final TextField currency = text("currency", Texts.get("catalog.plan-dialog.currency"));
    private final IntegerField backupSlots = number("backupSlots", Texts.get("catalog.plan-dialog.backup-slots"));
    private final IntegerField dedicatedVcpus = number("dedicatedVcpus", Texts.get("catalog.plan-dialog.dedicated-vcpus"));

    PlanDialog(PlanInfo existing, Function<PlanDraft, PlanInfo> save, Runnable saved) {
        setHeaderTitle(existing == null ? Texts.get("catalog.admin-plans-view.new-plan") : Texts.get("catalog.plan-dialog.edit-plan") + existing.name());
        var form = new FormLayout(name, title, vcpus, memoryMib, diskGib, cpuCapPercent, cpuShares, diskIops, diskMbps,
                blkioWeight, netMbps, trafficGib, throttledNetMbps, burstBaselinePercent, priceCents, currency,
                backupSlots, dedicatedVcpus);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);
        fill(existing != null ? PlanDraft.of(existing)
                : new PlanDraft("", "", 1, 1024, 20, 100, 1024, 1000, 100, 500, 250, 2000, 20, null, 600, "EUR", PlanDraft.DEFAULT_BACKUP_SLOTS));
        var ok = new Button(existing == null ? Texts.get("catalog.plan-dialog.create") : Texts.get("catalog.plan-dialog.save"), e -> FieldErrors.save(byField, () -> {
            PlanInfo plan = save.apply(draft());
            Notices.done(Texts.get("catalog.plan-dialog.plan") + plan.name() + Texts.get("catalog.plan-dialog.saved"));
            close();
            saved.run();
        }));
        ok.setId("save-plan");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(Texts.get("catalog.image-dialog.cancel"), e -> close()), ok);
        setWidth("44em");
    }

    private void fill(PlanDraft d) {
        name.setValue(d.name());
        title.setValue(d.title());
        vcpus.setValue(d.vcpus());
        memoryMib.setValue(d.memoryMib());
        diskGib.setValue(d.diskGib());
        cpuCapPercent.setValue(d.cpuCapPercent());
        cpuShares.setValue(d.cpuShares());
        diskIops.setValue(d.diskIops());
        diskMbps.setValue(d.diskMbps());
        blkioWeight.setValue(d.blkioWeight());
        netMbps.setValue(d.netMbps());
        trafficGib.setValue(d.trafficGib());
        throttledNetMbps.setValue(d.throttledNetMbps());
        burstBaselinePercent.setValue(d.burstBaselinePercent());
        priceCents.setValue(d.priceCents());
        currency.setValue(d.currency());
        backupSlots.setValue(d.backupSlots());
        dedicatedVcpus.setValue(d.dedicatedVcpus());
    }

    private PlanDraft draft() {
        return new PlanDraft(name.getValue().trim(), title.getValue().trim(), v(vcpus), v(memoryMib), v(diskGib),
                v(cpuCapPercent), v(cpuShares), v(diskIops), v(diskMbps), v(blkioWeight), v(netMbps), v(trafficGib),
                v(throttledNetMbps), burstBaselinePercent.getValue(), v(priceCents), currency.getValue().trim().toUpperCase(),
                backupSlots.getValue() == null ? -1 : backupSlots.getValue(), // empty: refused by the plan rules
                v(dedicatedVcpus)); // empty: shared cores
    }

    /** An empty number is 0, which the plan rules then refuse with a message for that field. */
    private static int v(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private TextField text(String field, String label) {
        var f = new TextField(label);
        f.setId("plan-" + field);
        byField.put(field, f);
        return f;
    }

    private IntegerField number(String field, String label) {
        var f = new IntegerField(label);
        f.setId("plan-" + field);
        byField.put(field, f);
        return f;
    }
}
