package com.virtpanel.host;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A guest's migratable definition as it must read on the target: files under this host's
 * storage directory (disk, seed, serial log, a kernel booted directly) under the target's, the
 * target's network and tap, and the CPU pinning the target's cores call for (a dedicated guest
 * on the cores it holds there). Everything else (MAC, UUID, limits) travels unchanged.
 */
final class MigrationXml {

    private MigrationXml() {
    }

    static String forTarget(String xml, Path localStorageDir, MigrationTarget target) {
        Document doc = LibvirtXml.parse(xml);
        Element root = doc.getDocumentElement();
        for (Element source : elements(root, "source")) {
            move(source, "file", localStorageDir, target.storageDir());
        }
        for (Element log : elements(root, "log")) {
            move(log, "file", localStorageDir, target.storageDir());
        }
        for (String boot : new String[] {"kernel", "initrd"}) {
            for (Element file : elements(root, boot)) {
                String moved = moved(file.getTextContent().trim(), localStorageDir, target.storageDir());
                file.setTextContent(moved);
            }
        }
        for (Element iface : elements(root, "interface")) {
            if ("network".equals(iface.getAttribute("type"))) {
                for (Element source : elements(iface, "source")) {
                    source.setAttribute("network", target.network());
                    source.removeAttribute("bridge"); // the live definition names this host's bridge
                }
            }
            for (Element tap : elements(iface, "target")) {
                tap.setAttribute("dev", target.tap());
            }
        }
        pin(doc, target.cores());
        return write(doc);
    }

    /** A guest whose processor QEMU emulates (TCG, on a host without KVM), not one KVM runs. */
    static boolean emulated(String xml) {
        return "qemu".equals(LibvirtXml.parse(xml).getDocumentElement().getAttribute("type"));
    }

    /** The vCPU and emulator pins, as DomainXml writes them for a guest defined on the target. */
    private static void pin(Document doc, MigrationTarget.Cores cores) {
        Element root = doc.getDocumentElement();
        for (Element cputune : elements(root, "cputune")) {
            for (String pin : new String[] {"vcpupin", "emulatorpin"}) {
                for (Element old : elements(cputune, pin)) {
                    cputune.removeChild(old);
                }
            }
        }
        int vcpus = Integer.parseInt(elements(root, "vcpu").get(0).getTextContent().trim());
        String name = elements(root, "name").get(0).getTextContent();
        String pins = DomainXml.pinning(name, vcpus, cores.dedicated(), cores.shared());
        if (pins.isEmpty()) {
            return;
        }
        List<Element> cputunes = elements(root, "cputune");
        Element cputune = cputunes.isEmpty() ? (Element) root.appendChild(doc.createElement("cputune")) : cputunes.get(0);
        for (Element pin : elements(LibvirtXml.parse("<cputune>" + pins + "</cputune>").getDocumentElement(), "*")) {
            cputune.appendChild(doc.importNode(pin, true));
        }
    }

    private static void move(Element element, String attribute, Path from, Path to) {
        String value = element.getAttribute(attribute);
        if (!value.isEmpty()) {
            element.setAttribute(attribute, moved(value, from, to));
        }
    }

    /** {@code value} under {@code to} if it lies under {@code from}; else as it is. */
    private static String moved(String value, Path from, Path to) {
        Path path = Path.of(value).normalize();
        return path.startsWith(from) ? to.resolve(from.relativize(path)).toString() : value;
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> list = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static String write(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a domain definition: " + e.getMessage(), e);
        }
    }
}
