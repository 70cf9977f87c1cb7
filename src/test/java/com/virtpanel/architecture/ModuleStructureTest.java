package com.virtpanel.architecture;

import com.virtpanel.VirtpanelApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map (README "Layout"; each module's package-info says what it may use), enforced:
 * only allowed dependencies, only through module APIs.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(VirtpanelApplication.class);
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesOnlyUseEachOthersPublicApiAndAllowedDependencies() {
        MODULES.verify();
    }

    /**
     * The module diagrams and canvases in docs/modules (PlantUML and AsciiDoc, linked from the
     * README) are drawn from the code by every run, so they cannot drift from it: a change that
     * moves a dependency shows up in the diff.
     */
    @Test
    void moduleDiagramsAreDrawnFromTheCode() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc")).toList()) {
                Files.write(file, listsSorted(Files.readAllLines(file)));
            }
        }
    }

    /**
     * The Documenter lists relations (PlantUML {@code Rel(}) and a canvas cell's items
     * (AsciiDoc {@code * }, the first one after the cell's {@code |}) in no fixed order; sorted,
     * an unchanged module map gives unchanged files.
     */
    static List<String> listsSorted(List<String> lines) {
        var out = new ArrayList<String>(lines.size());
        var run = new ArrayList<String>();
        String cell = "";
        for (String line : lines) {
            boolean item = line.startsWith("* ") || line.startsWith("Rel(");
            if (item && !run.isEmpty()) {
                run.add(line);
                continue;
            }
            flush(run, cell, out);
            if (line.startsWith("|* ")) {
                cell = "|";
                run.add(line.substring(1));
            } else if (item) {
                cell = "";
                run.add(line);
            } else {
                out.add(line);
            }
        }
        flush(run, cell, out);
        return out;
    }

    private static void flush(List<String> run, String cell, List<String> out) {
        run.sort(null);
        for (int i = 0; i < run.size(); i++) {
            out.add(i == 0 ? cell + run.get(i) : run.get(i));
        }
        run.clear();
    }
}
