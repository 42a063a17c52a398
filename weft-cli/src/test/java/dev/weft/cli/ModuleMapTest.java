package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's module map as the poms say it: {@code weft-bom} lists every published module of the
 * parent, and only those, at the project's version. Run from {@code weft-cli}, whose parent
 * directory is the repository's root.
 */
class ModuleMapTest {
  /** Modules that are never published: run from a checkout, or tests only. */
  private static final Set<String> UNPUBLISHED =
      Set.of("weft-bom", "weft-benchmarks", "weft-cluster-tests", "weft-e2e");

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static Document read(Path pom) throws Exception {
    assertThat(pom).as("pom of the repository (tests run in weft-cli)").isRegularFile();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static List<String> texts(Document pom, String tag) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = pom.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }

  private static String child(Node parent, String tag) {
    NodeList nodes = ((Element) parent).getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  @Test
  void theBomListsEveryPublishedModuleAtTheProjectVersion() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("weft-bom").resolve("pom.xml"));
    List<String> modules = texts(parent, "module");
    assertThat(modules).contains("weft-bom", "weft-cli", "weft-benchmarks");

    List<String> listed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Node dependency = dependencies.item(i);
      assertThat(child(dependency, "groupId")).isEqualTo("dev.weft");
      assertThat(child(dependency, "version")).isEqualTo("${project.version}");
      listed.add(child(dependency, "artifactId"));
    }

    assertThat(listed)
        .containsExactlyInAnyOrderElementsOf(
            modules.stream().filter(m -> !UNPUBLISHED.contains(m)).toList());
    String parentVersion = child(parent.getDocumentElement(), "version");
    assertThat(bom.getDocumentElement().getElementsByTagName("version").item(0).getTextContent())
        .isEqualTo(parentVersion);
    for (String module : modules) {
      assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml")))
          .as("version of %s", module)
          .contains("<version>" + parentVersion + "</version>");
    }
  }
}
