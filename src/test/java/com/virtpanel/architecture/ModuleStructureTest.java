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
            for (Path puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(puml, relationsSorted(Files.readAllLines(puml)));
            }
        }
    }

    /** The Documenter lists relations in no fixed order; sorted, an unchanged map gives an unchanged file. */
    static List<String> relationsSorted(List<String> lines) {
        var out = new ArrayList<String>(lines.size());
        var relations = new ArrayList<String>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            out.addAll(relations);
            relations.clear();
            out.add(line);
        }
        relations.sort(null);
        out.addAll(relations);
        return out;
    }
}
