package dev.tributary.launcher.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.launcher.ReactorRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Every module's pom declares only the Tributary modules the architecture allows it. */
class ModuleDependenciesTest {

    private static final Path ROOT = ReactorRoot.find();

    @Test
    void everyModuleOfTheTableIsInTheReactorAndNoOtherIs() throws Exception {
        List<String> declared = new ArrayList<>();
        NodeList modules = parse(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            declared.add(modules.item(i).getTextContent().trim());
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(Modules.values()).map(Modules::folder).toList());
    }

    @Test
    void noModuleDependsUpTheTable() throws Exception {
        Map<String, Modules> byArtifact = Modules.byArtifactId();
        List<String> violations = new ArrayList<>();
        for (Modules module : Modules.values()) {
            for (Element dependency : tributaryDependencies(ROOT.resolve(module.folder()).resolve("pom.xml"))) {
                String artifactId = text(dependency, "artifactId");
                String scope = text(dependency, "scope");
                Modules target = byArtifact.get(artifactId);
                boolean allowed = target != null && (module.directlyAllowed().contains(target)
                        || ("test".equals(scope) && module.mayTestWith(target)));
                if (!allowed) {
                    violations.add(module.folder() + " -> " + artifactId + (scope.isEmpty() ? "" : " (" + scope + ")"));
                }
            }
        }
        assertThat(violations).as("dependencies the module table does not allow").isEmpty();
    }

    /**
     * Ingest and the dispatcher make spans through OpenTelemetry's API, which does nothing until the launcher
     * installs the SDK: the SDK and its exporters stay out of every other module outside test scope, so a library
     * user who embeds the dispatcher chooses their own.
     */
    @Test
    void onlyTheLauncherBringsTheOpenTelemetrySdk() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Modules module : Modules.values()) {
            if (module == Modules.LAUNCHER) {
                continue;
            }
            for (Element dependency : dependencies(ROOT.resolve(module.folder()).resolve("pom.xml"))) {
                String artifactId = text(dependency, "artifactId");
                boolean openTelemetry = text(dependency, "groupId").startsWith("io.opentelemetry");
                if (openTelemetry && !"test".equals(text(dependency, "scope"))
                        && !artifactId.equals("opentelemetry-api") && !artifactId.equals("opentelemetry-context")) {
                    violations.add(module.folder() + " -> " + artifactId);
                }
            }
        }
        assertThat(violations).as("OpenTelemetry beyond the API outside the launcher").isEmpty();
    }

    private static List<Element> tributaryDependencies(Path pom) throws Exception {
        return dependencies(pom).stream().filter(dependency -> "dev.tributary".equals(text(dependency, "groupId")))
                .toList();
    }

    /** The dependencies a pom declares, not those it only manages. */
    private static List<Element> dependencies(Path pom) throws Exception {
        Document document = parse(pom);
        List<Element> result = new ArrayList<>();
        NodeList dependencies = document.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            boolean managed = "dependencies".equals(dependency.getParentNode().getNodeName())
                    && "dependencyManagement".equals(dependency.getParentNode().getParentNode().getNodeName());
            if (!managed) {
                result.add(dependency);
            }
        }
        return result;
    }

    private static String text(Element element, String child) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }
}
