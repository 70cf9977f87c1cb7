package com.virtpanel.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** First start with an empty database: the plans nano, small, medium and the demo image. */
@Component
@Order(10)
class CatalogSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

    private final CatalogService catalog;
    private final CatalogProperties properties;

    CatalogSeed(CatalogService catalog, CatalogProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!catalog.isEmpty()) {
            return;
        }
        catalog.savePlan(new PlanDraft("nano", "Nano", 1, 256, 2, 50, 512, 200, 20, 250, 100, 1000, 10, null, 300, "EUR", 3));
        catalog.savePlan(new PlanDraft("small", "Small", 1, 1024, 20, 100, 1024, 1000, 100, 500, 250, 2000, 20, null, 600, "EUR"));
        catalog.savePlan(new PlanDraft("medium", "Medium", 2, 2048, 40, 200, 2048, 2000, 200, 750, 500, 4000, 50, null, 1200, "EUR"));
        Path dir = Path.of(properties.demoImageDir());
        catalog.saveImage(new ImageDraft("demo", "Virtpanel demo (busybox)", OsFamily.LINUX, Firmware.BIOS, true,
                dir.resolve("demo.qcow2").toString(), dir.resolve("demo-vmlinuz").toString(),
                dir.resolve("demo-initrd.img").toString(), readCmdline(dir), null, 1), "Virtpanel demo", "1", "x86_64");
        log.info("Seeded the catalog: plans nano, small, medium and image demo ({})", dir);
    }

    private static String readCmdline(Path dir) {
        try {
            return Files.readString(dir.resolve("demo.cmdline")).trim();
        } catch (java.io.IOException notBuiltYet) {
            return "root=/dev/vda rw console=tty0 console=ttyS0,115200 quiet no_timer_check";
        }
    }
}
