package com.virtpanel.catalog.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.catalog.PlanInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Creates or edits a plan; the service's checks (PlanRules) point at the field at fault. */
class PlanDialog extends Dialog {

    private final TextField name = text("name", "Name (lower case, e.g. small-2)");
    private final TextField title = text("title", "Title");
    private final IntegerField vcpus = number("vcpus", "vCPUs");
    private final IntegerField memoryMib = number("memoryMib", "Memory (MiB)");
    private final IntegerField diskGib = number("diskGib", "Disk (GiB)");
    private final IntegerField cpuCapPercent = number("cpuCapPercent", "CPU cap (% of one vCPU)");
    private final IntegerField cpuShares = number("cpuShares", "CPU shares");
    private final IntegerField diskIops = number("diskIops", "Disk IOPS");
    private final IntegerField diskMbps = number("diskMbps", "Disk MB/s");
    private final IntegerField blkioWeight = number("blkioWeight", "Disk weight (100–1000)");
    private final IntegerField netMbps = number("netMbps", "Network Mbit/s");
    private final IntegerField trafficGib = number("trafficGib", "Traffic per month (GiB)");
    private final IntegerField throttledNetMbps = number("throttledNetMbps", "Throttled rate (Mbit/s)");
    private final IntegerField burstBaselinePercent = number("burstBaselinePercent", "Burst baseline (%, empty: no bursting)");
    private final IntegerField priceCents = number("priceCents", "Price per month (cents)");
    private final TextField currency = text("currency", "Currency");
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();

    PlanDialog(PlanInfo existing, Function<PlanDraft, PlanInfo> save, Runnable saved) {
        setHeaderTitle(existing == null ? "New plan" : "Edit plan " + existing.name());
        var form = new FormLayout(name, title, vcpus, memoryMib, diskGib, cpuCapPercent, cpuShares, diskIops, diskMbps,
                blkioWeight, netMbps, trafficGib, throttledNetMbps, burstBaselinePercent, priceCents, currency);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);
        fill(existing != null ? PlanDraft.of(existing)
                : new PlanDraft("", "", 1, 1024, 20, 100, 1024, 1000, 100, 500, 250, 2000, 20, null, 600, "EUR"));
        var ok = new Button(existing == null ? "Create" : "Save", e -> FieldErrors.save(byField, () -> {
            PlanInfo plan = save.apply(draft());
            Notices.done("Plan " + plan.name() + " saved.");
            close();
            saved.run();
        }));
        ok.setId("save-plan");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), ok);
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
    }

    private PlanDraft draft() {
        return new PlanDraft(name.getValue().trim(), title.getValue().trim(), v(vcpus), v(memoryMib), v(diskGib),
                v(cpuCapPercent), v(cpuShares), v(diskIops), v(diskMbps), v(blkioWeight), v(netMbps), v(trafficGib),
                v(throttledNetMbps), burstBaselinePercent.getValue(), v(priceCents), currency.getValue().trim().toUpperCase());
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
