package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.PanelException;
import java.util.List;

/**
 * Finds a disk's operating system with libguestfs inspection and mounts its root filesystem.
 * Only the root is mounted: the guest's fstab names devices as the guest sees them (the demo
 * image says /dev/vda, which the appliance calls /dev/sda), and everything changed here
 * (/etc/shadow, /root/.ssh) lives on the root filesystem.
 */
final class GuestRoot {

    private GuestRoot() {
    }

    /** The root filesystem (a libguestfs mountable) of the disk's only, or first, operating system. */
    static String find(Guestfish g) {
        List<String> roots = g.call("inspect-os").stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (roots.isEmpty()) {
            throw new HostException(PanelException.Kind.FAILED,
                    UserMessage.of("error.host.no-os-on-disk"), "inspect-os found no root", null);
        }
        return roots.get(0);
    }

    static String mount(Guestfish g) {
        String root = find(g);
        if (!"linux".equals(g.value("inspect-get-type " + Guestfish.quote(root)))) {
            throw new HostException(PanelException.Kind.FAILED,
                    UserMessage.of("error.host.linux-only"), "not linux: " + root, null);
        }
        g.call("mount " + Guestfish.quote(root) + " /");
        return root;
    }

    static InspectedOs describe(Guestfish g, String root) {
        String r = Guestfish.quote(root);
        return new InspectedOs(g.value("inspect-get-type " + r), g.value("inspect-get-distro " + r),
                g.value("inspect-get-product-name " + r), number(g.value("inspect-get-major-version " + r)),
                number(g.value("inspect-get-minor-version " + r)), g.value("inspect-get-arch " + r));
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
